/**
 * The deepest nesting of quotes and lists a body may have: the `>` and list markers at the start
 * of a line, plus one level for every 2 columns of indentation before the last of them (a tab
 * counts 4; the one space after each marker is the marker's). Real articles stay under 6; the parser's cost grows faster than the depth, so 2,000
 * indented levels took over two minutes.
 */
export const MAX_NESTING = 32;

/** The longest run of `*`, `_` and `~` characters, mixed, a body may have (`*_` × 20,000 took 40 s to parse). */
export const MAX_DELIMITER_RUN = 50;

/**
 * The most runs of `*`, `_` or `~` one paragraph may have (a table: one row). The parser looks
 * back over the whole paragraph for every one that may close an emphasis, so its cost grows with
 * the square of their number (`word_ ` × 16,000 in one paragraph took 4 s).
 */
export const MAX_DELIMITERS_PER_PARAGRAPH = 1_000;

/**
 * The most cells one table may have (header and body rows; a short row counts as long as the
 * header). A build needs about 10 KB of memory a cell (1 GB a MB of table, ten times prose), so
 * 20,000 cells (2,000 rows of 10 columns) add about 200 MB; a 4.3 MB table of 444,000 cells was
 * still growing past 3.7 GB when stopped after two minutes.
 */
export const MAX_TABLE_CELLS = 20_000;

/** Something in a body that would make parsing it take minutes: where (body line, column) and what, in an editor's words. */
export interface NestingProblem {
  /** `too-deep` for quotes and lists, `emphasis-run` for `*`, `_` and `~`, `table-too-large` for tables. */
  rule: "too-deep" | "emphasis-run" | "table-too-large";
  line: number;
  column: number;
  message: string;
  fix: string;
}

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * Find the first place where a Markdown body goes past MAX_NESTING, MAX_DELIMITER_RUN,
 * MAX_DELIMITERS_PER_PARAGRAPH or MAX_TABLE_CELLS, in one pass over the text (linear in its length, whatever it
 * holds), before the parser is given it. It reads lines as Markdown does only as far as needed
 * to never miss what makes the parser slow: each limit is far above anything a real article
 * reaches, so it can count generously (a `*` in code counts too) without refusing one.
 */
export function scanNesting(source: string): NestingProblem | undefined {
  let line = 0;
  let runs = 0;
  let paragraphLine = 1;
  let linesInParagraph = 0;
  let headerCells = 0;
  let table = false;
  let tableCells = 0;
  let tableRows = 0;
  // Called where a paragraph or table ends: counted to its end, so the message gives its size.
  const tooLarge = (): NestingProblem | undefined =>
    table && tableCells > MAX_TABLE_CELLS
      ? {
          rule: "table-too-large",
          line: paragraphLine,
          column: 1,
          message: `the table starting on this line has ${tableCells.toLocaleString("en")} cells (${tableRows.toLocaleString("en")} rows of ${headerCells.toLocaleString("en")} columns); the limit is ${MAX_TABLE_CELLS.toLocaleString("en")}`,
          fix: `Publish the full data as a file the article links to (a spreadsheet or CSV), and keep in the article the rows readers need, at most ${MAX_TABLE_CELLS.toLocaleString("en")} cells (2,000 rows of 10 columns).`,
        }
      : undefined;
  for (let start = 0; start <= source.length; ) {
    line++;
    let end = source.indexOf("\n", start);
    if (end === -1) end = source.length;
    const next = end + 1;
    const lineEnd = end > start && source.charCodeAt(end - 1) === RETURN ? end - 1 : end;

    // The line's container prefix: indentation, `>` and list markers.
    let at = start;
    let width = 0;
    let depth = 0;
    let widthBeforeLast = 0;
    let firstBullet = false;
    for (;;) {
      const code = source.charCodeAt(at);
      if (code === SPACE || code === TAB) {
        width += code === TAB ? 4 : 1;
        at++;
        continue;
      }
      const marker = markerLength(source, at, lineEnd);
      if (marker === 0) break;
      if (depth === 0) firstBullet = width <= 3 && startsParagraph(source, at);
      depth++;
      widthBeforeLast = width;
      at += marker;
    }
    // The space after each marker but the last is part of the marker, not indentation.
    const nesting = depth + Math.floor(Math.max(0, widthBeforeLast - depth + 1) / 2);
    if (nesting > MAX_NESTING) {
      return {
        rule: "too-deep",
        line,
        column: 1,
        message: `this line is nested ${nesting.toLocaleString("en")} levels deep in quotes and lists (> marks, list markers and their indentation); the limit is ${MAX_NESTING}`,
        fix: "Remove the extra > marks, list markers or indentation; a quote or list rarely needs more than three levels.",
      };
    }

    if (at >= lineEnd) {
      // A blank line (or one of markers only, blank inside its quote or list) ends the paragraph.
      const problem = tooLarge();
      if (problem !== undefined) return problem;
      runs = 0;
      linesInParagraph = 0;
      table = false;
    } else {
      if (linesInParagraph === 0 || firstBullet || isHeading(source, at, width)) {
        const problem = tooLarge();
        if (problem !== undefined) return problem;
        runs = 0;
        paragraphLine = line;
        linesInParagraph = 0;
        table = false;
      }
      linesInParagraph++;
      if (linesInParagraph === 1) headerCells = cellCount(source, start, lineEnd);
      else if (linesInParagraph === 2) {
        table = isDelimiterRow(source, start, lineEnd) && cellCount(source, start, lineEnd) === headerCells;
        tableCells = headerCells;
        tableRows = 1;
      } else if (table) {
        tableCells += Math.max(headerCells, cellCount(source, start, lineEnd));
        tableRows++;
      }
      // Each row of a table is parsed on its own.
      if (table) runs = 0;
      if (!isThematicBreak(source, at, lineEnd)) {
        let cluster = 0;
        let previous = 0;
        for (let index = at; index < lineEnd; index++) {
          const code = source.charCodeAt(index);
          if (code !== 0x2a && code !== 0x5f && code !== 0x7e) {
            cluster = 0;
            previous = 0;
            continue;
          }
          cluster++;
          if (code !== previous) runs++;
          previous = code;
          if (cluster > MAX_DELIMITER_RUN) {
            return {
              rule: "emphasis-run",
              line,
              column: index - start - cluster + 2,
              message: `this line has a run of more than ${MAX_DELIMITER_RUN} * _ ~ characters in a row; the limit is ${MAX_DELIMITER_RUN}`,
              fix: "Remove the run, or put it in a code block (``` lines above and below) if it is meant to be shown as it is.",
            };
          }
          if (runs > MAX_DELIMITERS_PER_PARAGRAPH) {
            return {
              rule: "emphasis-run",
              line: table ? line : paragraphLine,
              column: 1,
              message: `the ${table ? "table row" : "paragraph"} starting on this line has more than ${MAX_DELIMITERS_PER_PARAGRAPH.toLocaleString("en")} runs of * _ ~ characters; the limit is ${MAX_DELIMITERS_PER_PARAGRAPH.toLocaleString("en")}`,
              fix: "Split the paragraph with empty lines, or remove the stray * _ ~ characters (write \\* for a literal asterisk).",
            };
          }
        }
      }
    }
    if (end === source.length) break;
    start = next;
  }
  return tooLarge();
}

/** Length of a `>` or a list marker (`-`, `*`, `+`, `1.`, `1)`) with the space after it at `at`, or 0. */
function markerLength(source: string, at: number, lineEnd: number): number {
  const code = source.charCodeAt(at);
  if (code === 0x3e) return 1;
  let after = at;
  if (code === 0x2d || code === 0x2a || code === 0x2b) after = at + 1;
  else {
    while (after < lineEnd && after - at < 9 && isDigit(source.charCodeAt(after))) after++;
    if (after === at) return 0;
    const delimiter = source.charCodeAt(after);
    if (delimiter !== 0x2e && delimiter !== 0x29) return 0;
    after++;
  }
  if (after >= lineEnd) return after - at;
  const space = source.charCodeAt(after);
  return space === SPACE || space === TAB ? after - at : 0;
}

/** True when the marker at `at` can start a list item that interrupts a paragraph (a bullet, or `1.`), so the text after it is a paragraph of its own. */
function startsParagraph(source: string, at: number): boolean {
  const code = source.charCodeAt(at);
  if (code === 0x2d || code === 0x2a || code === 0x2b) return true;
  return code === 0x31 && (source.charCodeAt(at + 1) === 0x2e || source.charCodeAt(at + 1) === 0x29);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** An ATX heading (`## Title`), its own paragraph. */
function isHeading(source: string, at: number, width: number): boolean {
  if (width > 3 || source.charCodeAt(at) !== 0x23) return false;
  let hashes = 0;
  while (source.charCodeAt(at + hashes) === 0x23) hashes++;
  const after = source.charCodeAt(at + hashes);
  return hashes <= 6 && (after === SPACE || after === TAB || Number.isNaN(after) || after === NEWLINE || after === RETURN);
}

/** A line of three or more `*`, `-` or `_` (one kind) and spaces: a rule, never emphasis. */
function isThematicBreak(source: string, at: number, lineEnd: number): boolean {
  const kind = source.charCodeAt(at);
  if (kind !== 0x2a && kind !== 0x2d && kind !== 0x5f) return false;
  let count = 0;
  for (let index = at; index < lineEnd; index++) {
    const code = source.charCodeAt(index);
    if (code === kind) count++;
    else if (code !== SPACE && code !== TAB) return false;
  }
  return count >= 3;
}

/** A GFM table's delimiter row: `|---|:--:|`, cells of dashes and colons between pipes. */
function isDelimiterRow(source: string, start: number, lineEnd: number): boolean {
  return /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(source.slice(start, lineEnd)) && source.slice(start, lineEnd).includes("|");
}

/** The cells of a table row: its unescaped pipes, leaving out a leading and a trailing one. */
function cellCount(source: string, start: number, lineEnd: number): number {
  let pipes = 0;
  let first = -1;
  let last = -1;
  for (let index = start; index < lineEnd; index++) {
    const code = source.charCodeAt(index);
    if (code === 0x5c) {
      index++;
      continue;
    }
    if (code === 0x7c) {
      pipes++;
      if (first === -1) first = index;
      last = index;
    }
  }
  if (pipes === 0) return 1;
  const leading = source.slice(start, first).trim() === "" ? 1 : 0;
  const trailing = source.slice(last + 1, lineEnd).trim() === "" ? 1 : 0;
  return pipes + 1 - leading - trailing;
}
