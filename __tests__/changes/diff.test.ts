import { parseUnifiedDiff, touchesChange } from '../../src/changes/diff.js';

const DIFF = `diff --git a/Dockerfile b/Dockerfile
index 1..2 100644
--- a/Dockerfile
+++ b/Dockerfile
@@ -2,0 +3,2 @@ FROM x
+RUN a
+RUN b
@@ -10 +12 @@
-old
+new
diff --git a/old.yml b/compose.yaml
similarity index 90%
rename from old.yml
rename to compose.yaml
--- a/old.yml
+++ b/compose.yaml
@@ -1 +1 @@
-a
+b
diff --git a/gone b/gone
deleted file mode 100644
--- a/gone
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git a/x b/y
similarity index 100%
rename from x
rename to y
`;

describe('parseUnifiedDiff', () => {
  const changes = parseUnifiedDiff(DIFF);
  it('collects added lines per file with status and renames', () => {
    expect([...changes.get('Dockerfile')!.addedLines]).toEqual([3, 4, 12]);
    expect(changes.get('compose.yaml')).toMatchObject({ status: 'renamed', previousPath: 'old.yml' });
    expect(changes.get('gone')).toMatchObject({ status: 'removed' });
    expect(changes.get('y')).toMatchObject({ status: 'renamed', previousPath: 'x' });
  });
  it('touchesChange checks a finding span', () => {
    const c = changes.get('Dockerfile')!;
    expect(touchesChange(c, 1, 2)).toBe(false);
    expect(touchesChange(c, 2, 3)).toBe(true);
    expect(touchesChange({ ...c, allLinesAdded: true }, 1, 1)).toBe(true);
  });
});
