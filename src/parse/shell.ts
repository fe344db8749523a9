// TEMPORARY stub until the shell analysis module lands.
export async function initShell(): Promise<void> {}
