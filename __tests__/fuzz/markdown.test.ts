// Property-based tests of the Markdown escaping every quoted text goes through: whatever a file holds, what GitHub
// renders outside code holds no HTML tag, link, image, mention or issue reference, and code spans and blocks hold
// their whole content. (The CommonMark code-span rules are those of __tests__/security/helpers.ts.)
import { codeBlock, codeSpan, escapeMarkdown, renderMessage } from '../../src/report/escape.js';
import { outsideCode, outsideSpans } from '../security/helpers.js';
import { check, fc } from './fuzz.js';

/** Characters and pieces that matter to Markdown and GitHub's autolinking. */
const hostile = fc
  .array(fc.constantFrom('`', '``', '```', '<', '>', '<img src=x>', '</', '[', ']', '(', ')', '](', '!', '@', '@user', '#', '#12', 'GH-12', 'https://evil.example', 'www.evil.example', '\\', '*', '_', '~', '|', '&', '&lt;', '\n', '\r', ' ', 'a', '1', '-', '=', '+', '\u200b'), { maxLength: 30 })
  .map((parts) => parts.join(''));

function expectInert(markdown: string, source: string): void {
  const text = outsideCode(markdown);
  const problems = [
    /<[a-zA-Z/!?]/.test(text) && 'raw HTML',
    /(?<!\\)\]\(/.test(text) && 'link',
    // GitHub links these only after a non-word character (or at the start), as in `a@user` or `12www.` it does not.
    /(?<!\w)@user/.test(text) && 'mention',
    /(?<!\w)#12/.test(text) && 'issue reference',
    /(?<!\w)GH-12/i.test(text) && 'GH reference',
    /(?<!\w)(https:\/\/evil|www\.evil)/.test(text) && 'autolink',
    /[\r\n]/.test(markdown) && 'line break',
  ].filter(Boolean);
  if (problems.length) throw new Error(`${problems.join(', ')} from ${JSON.stringify(source)}: ${JSON.stringify(markdown)} → outside code ${JSON.stringify(text)}`);
}

describe('Markdown escaping', () => {
  it('renderMessage: text escaped, code re-fenced, whatever the backticks', () => {
    check('markdown: renderMessage', 3000, hostile, (message) => expectInert(renderMessage(message), message));
  });

  it('escapeMarkdown: inert text', () => {
    check('markdown: escapeMarkdown', 2000, hostile, (text) => expectInert(escapeMarkdown(text), text));
  });

  it('codeSpan: one span holding all of the text', () => {
    check('markdown: codeSpan', 2000, hostile, (text) => {
      const span = codeSpan(text);
      expect(outsideSpans(span)).toBe(' ');
    });
  });

  it('codeBlock: the fence outlives the content', () => {
    check('markdown: codeBlock', 1000, hostile, (text) => {
      const block = codeBlock(text.replace(/\r/g, ''));
      expect(outsideCode(`${block}\nafter`)).toBe('after');
    });
  });
});
