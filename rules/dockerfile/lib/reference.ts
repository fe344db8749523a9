// Image reference validity as Docker's distribution/reference package (ParseNormalizedNamed) decides it.

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/**
 * Why `ref` is not a valid image reference, or null when it is. Like `ParseNormalizedNamed`: a first component with a
 * `.` or `:`, or `localhost`, is a registry; the repository must be lower case; a 64-hex string is an image ID.
 */
export function invalidReference(ref: string): string | null {
  if (ref === '') return 'it is empty';
  if (/\s/.test(ref)) return 'it contains white space';
  if (/^[a-f0-9]{64}$/.test(ref)) return 'a 64-character hex string is an image ID, not a reference';
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const remainder = hasDomain ? ref.slice(slash + 1) : ref;
  const name = remainder.replace(/[:@].*$/, '');
  if (name !== name.toLowerCase()) return 'the repository name must be lower case';
  const m = REFERENCE.exec(hasDomain ? ref : `docker.io/${ref}`);
  if (!m) {
    if (/:$/.test(ref) || /:@/.test(ref)) return 'the tag is empty';
    if (/@$/.test(ref)) return 'the digest is empty';
    if (ref.startsWith('/') || ref.includes('//') || ref.endsWith('/')) return 'a path component is empty';
    return 'it does not match the reference format';
  }
  if (m[2].length + (m[1] ? m[1].length + 1 : 0) > 255) return 'the name is longer than 255 characters';
  return null;
}
