import { ancestorsOf, childrenNamed, commentsAround, nginxDirectivesNamed, parseNginx, walkNginx } from '../../src/parse/nginx.js';

/** `name args… @line:col-endLine:endCol`, indented by depth. */
function outline(text: string): string[] {
  const out: string[] = [];
  walkNginx(parseNginx(text).directives, (d, ancestors) => {
    const r = d.range;
    out.push(`${'  '.repeat(ancestors.length)}${[d.name, ...d.args.map((a) => a.value)].join(' ')} @${r.line}:${r.column}-${r.endLine}:${r.endColumn}${d.block ? ' {}' : ''}`);
  });
  return out;
}

describe('parseNginx', () => {
  it('reads directives and blocks with exact ranges', () => {
    const text = 'user nginx;\nhttp {\n    server {\n        listen 80;\n        location / {\n            proxy_pass http://api:8000;\n        }\n    }\n}\n';
    expect(outline(text)).toEqual([
      'user nginx @1:1-1:12',
      'http @2:1-9:2 {}',
      '  server @3:5-8:6 {}',
      '    listen 80 @4:9-4:19',
      '    location / @5:9-7:10 {}',
      '      proxy_pass http://api:8000 @6:13-6:40',
    ]);
    const config = parseNginx(text);
    expect(config.problems).toEqual([]);
    const pass = nginxDirectivesNamed(config.directives, 'proxy_pass')[0];
    expect(pass.args[0].range).toEqual({ line: 6, column: 24, endLine: 6, endColumn: 39 });
    expect(ancestorsOf(pass).map((d) => d.name)).toEqual(['location', 'server', 'http']);
  });

  it('unquotes words and keeps the raw text', () => {
    const config = parseNginx(`add_header X-Frame-Options "DENY" always;\nreturn 200 'it\\'s "ok"';\nset $a "a\\tb";\nlocation ~* "\\.(js|css)$" {}\n`);
    const [header, ret, set, location] = config.directives;
    expect(header.args.map((a) => [a.value, a.raw, a.quoted])).toEqual([['X-Frame-Options', 'X-Frame-Options', false], ['DENY', '"DENY"', true], ['always', 'always', false]]);
    expect(ret.args[1].value).toBe(`it's "ok"`);
    expect(set.args[1].value).toBe('a\tb');
    expect(location.args[1].value).toBe('\\.(js|css)$');
    expect(config.problems).toEqual([]);
  });

  it('quoted strings may span lines and hold braces and semicolons', () => {
    const config = parseNginx("log_format main '$remote_addr {x};'\n                '$status';\nserver { }\n");
    expect(config.problems).toEqual([]);
    expect(config.directives.map((d) => d.name)).toEqual(['log_format', 'server']);
    expect(config.directives[0].args[1].value).toBe('$remote_addr {x};');
    expect(config.directives[0].range).toEqual({ line: 1, column: 1, endLine: 2, endColumn: 27 });
  });

  it('reads ${VAR} (variables, envsubst templates) and `}` inside a word as part of the word', () => {
    const config = parseNginx('server {\n  listen ${NGINX_PORT};\n  set $x a}b;\n  proxy_pass http://${BACKEND_HOST}:${BACKEND_PORT};\n}\n');
    expect(config.problems).toEqual([]);
    const server = config.directives[0];
    expect(server.block!.map((d) => d.args.map((a) => a.value).join(' '))).toEqual(['${NGINX_PORT}', '$x a}b', 'http://${BACKEND_HOST}:${BACKEND_PORT}']);
  });

  it('comments start only where a word starts', () => {
    const config = parseNginx('# top\nserver { # open\n  add_header X-Color a#fff;\n  listen 80; # trailing\n}\n');
    expect(config.comments.map((c) => [c.text, c.range.line, c.range.column])).toEqual([['top', 1, 1], ['open', 2, 10], ['trailing', 4, 14]]);
    expect(config.directives[0].block![0].args.map((a) => a.value)).toEqual(['X-Color', 'a#fff']);
    expect(config.problems).toEqual([]);
  });

  it('finds the comments of a block and the ones right above it', () => {
    const text = 'server {\n  # the API\n\n  # WebSocket endpoint\n  location /live {\n    # upgrade here\n    proxy_pass http://api;\n  }\n}\n';
    const config = parseNginx(text);
    const location = nginxDirectivesNamed(config.directives, 'location')[0];
    expect(commentsAround(config, location.range, text.split('\n')).map((c) => c.text)).toEqual(['WebSocket endpoint', 'upgrade here']);
  });

  it('skips the Lua body of *_by_lua_block', () => {
    const config = parseNginx('location /t {\n  content_by_lua_block {\n    local s = "}" -- }\n    ngx.say([[ } ]])\n    if x then y() end\n  }\n  access_log off;\n}\n');
    expect(config.problems).toEqual([]);
    const location = config.directives[0];
    expect(location.block!.map((d) => [d.name, d.raw, d.block?.length ?? null])).toEqual([['content_by_lua_block', true, 0], ['access_log', false, null]]);
    expect(location.block![0].range).toEqual({ line: 2, column: 3, endLine: 6, endColumn: 4 });
  });

  it('handles CRLF line ends', () => {
    const config = parseNginx('server {\r\n  listen 80;\r\n}\r\n');
    expect(config.problems).toEqual([]);
    expect(childrenNamed(config.directives[0].block, 'listen')[0].range).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 13 });
  });

  describe('syntax errors are reported and the rest is still read', () => {
    it('a directive missing its `;` before `}`', () => {
      const config = parseNginx('server {\n  listen 80\n  location / {\n    return 200\n  }\n}\nevents {}\n');
      expect(config.problems.map((p) => [p.range.line, p.message])).toEqual([
        [2, '`listen` is not terminated by `;` (nginx reads on to the `{` on line 3)'],
        [4, '`return` is not terminated by `;` before `}`'],
      ]);
      // nginx reads `listen 80 location /` as one directive up to the `{`: so do we.
      expect(outline('server {\n  listen 80\n  location / {\n    return 200\n  }\n}\nevents {}\n')[1]).toBe('  listen 80 location / @2:3-5:4 {}');
      expect(config.directives.map((d) => d.name)).toEqual(['server', 'events']);
    });

    it('an unclosed block', () => {
      const config = parseNginx('http {\n  server {\n    listen 80;\n}\n');
      expect(config.problems.map((p) => [p.range.line, p.range.column, p.message])).toEqual([
        [1, 1, 'unexpected end of file: the `http` block opened on line 1 is never closed (missing `}`)'],
      ]);
      expect(config.directives[0].range).toEqual({ line: 1, column: 1, endLine: 4, endColumn: 2 });
    });

    it('a stray `}`', () => {
      const config = parseNginx('server {\n  listen 80;\n}\n}\nevents {}\n');
      expect(config.problems.map((p) => [p.range.line, p.message])).toEqual([[4, 'unexpected `}`: no block is open here']]);
      expect(config.directives.map((d) => d.name)).toEqual(['server', 'events']);
    });

    it('a last directive without `;`', () => {
      const config = parseNginx('worker_processes auto');
      expect(config.problems.map((p) => [p.range.line, p.range.column, p.message])).toEqual([[1, 18, 'unexpected end of file: `worker_processes` is not terminated by `;`']]);
      expect(config.directives[0].args[0].value).toBe('auto');
    });

    it('an unterminated quote', () => {
      const config = parseNginx('server {\n  return 200 "oops;\n}\n');
      expect(config.problems[0]).toMatchObject({ range: { line: 2, column: 14 }, message: expect.stringContaining('never closed') });
    });

    it('text right after a closing quote', () => {
      const config = parseNginx('add_header X "a"b;\n');
      expect(config.problems.map((p) => [p.range.line, p.range.column])).toEqual([[1, 17]]);
    });

    it('`;` or `{` without a directive', () => {
      const config = parseNginx('server {\n  ;\n  { listen 80; }\n}\n');
      expect(config.problems.map((p) => p.range.line)).toEqual([2, 3]);
      expect(config.directives[0].name).toBe('server');
    });

    it('random mixes of nginx punctuation never throw, and every range lies inside the text', () => {
      let seed = 42;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const pieces = ['server', 'location', ' ', '\n', '\r\n', '{', '}', ';', '"', "'", '\\', '#', '$', '${', 'x', '_by_lua_block', '[[', ']]', '--', '\t', 'é', '🙂'];
      for (let run = 0; run < 500; run++) {
        const text = Array.from({ length: Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
        const lines = text.split('\n');
        const config = parseNginx(text);
        const inside = (r: { line: number; column: number; endLine: number; endColumn: number }) =>
          r.line >= 1 && r.endLine <= lines.length && r.column >= 1 && r.endColumn <= (lines[r.endLine - 1]?.length ?? 0) + 1 && (r.line < r.endLine || r.column <= r.endColumn);
        walkNginx(config.directives, (d) => {
          expect({ text, range: d.range, ok: inside(d.range) }).toMatchObject({ ok: true });
          for (const w of [d.nameWord, ...d.args]) expect({ text, range: w.range, ok: inside(w.range) }).toMatchObject({ ok: true });
        });
        for (const p of config.problems) expect({ text, range: p.range, ok: inside(p.range) }).toMatchObject({ ok: true });
      }
    });

    it('bounds the nesting depth', () => {
      const config = parseNginx(`${'a {\n'.repeat(5000)}b;\n${'}\n'.repeat(5000)}c;\n`);
      expect(config.problems.map((p) => p.message)).toEqual(['blocks nested more than 64 levels deep']);
      expect(config.directives.map((d) => d.name)).toEqual(['a', 'c']);
      let depth = 0;
      walkNginx(config.directives, (_d, ancestors) => {
        depth = Math.max(depth, ancestors.length);
      });
      expect(depth).toBeLessThanOrEqual(64);
    });

    it('never throws on arbitrary input', () => {
      for (const text of ['', '}}}', '{{{', '"', "'", '\\', '${', 'a "b\\', 'content_by_lua_block {', '#', 'x { y { z', '\u0000\uffff;']) {
        expect(() => parseNginx(text)).not.toThrow();
      }
    });
  });
});
