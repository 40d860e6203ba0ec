/** Width of a text as it will be printed (pdfkit: `doc.widthOfString`). */
export type MeasureText = (text: string) => number;

/** Characters written without spaces between words (Han, kana, Hangul, full-width forms): a line may break after each. */
const UNSPACED = /[\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFD}]/u;

interface Piece {
  text: string;
  /** Whether a space separates this piece from the one before it on the same line. */
  spaced: boolean;
}

/** Words separated by white space, and each unspaced (CJK) character as a piece of its own. */
function pieces(text: string): Piece[] {
  const result: Piece[] = [];
  for (const [index, word] of text.trim().split(/\s+/u).entries()) {
    if (!word) continue;
    let run = "";
    let spaced = index > 0;
    const flush = () => {
      if (!run) return;
      result.push({ text: run, spaced });
      run = "";
      spaced = false;
    };
    for (const character of word) {
      if (UNSPACED.test(character)) {
        flush();
        result.push({ text: character, spaced });
        spaced = false;
      } else {
        run += character;
      }
    }
    flush();
  }
  return result;
}

/** A word wider than the line, cut into lines character by character (at least one character per line). */
function breakWord(word: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = "";
  for (const character of word) {
    if (line && measure(line + character) > width) {
      lines.push(line);
      line = character;
    } else {
      line += character;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A stretch of text in one style (regular, bold, italic…: whatever the caller's measure and drawing understand). */
export interface TextRun<Style> {
  text: string;
  style: Style;
}

/** A piece of a wrapped line: its text (with the space before it, when there is one) and its style. */
export type LinePiece<Style> = TextRun<Style>;

/** Measures a text in a style. */
export type MeasureRun<Style> = (text: string, style: Style) => number;

/**
 * `text` as lines no wider than `width`. Lines break between words (at white space, which collapses to one space)
 * and between CJK characters; a word is broken inside only when the word alone is wider than the line. An empty
 * or blank text has no lines.
 */
export function wrapWords(text: string, width: number, measure: MeasureText): string[] {
  return wrapRuns([{ text, style: null }], width, (part) => measure(part)).map((line) => line.map((piece) => piece.text).join(""));
}

/**
 * Text in several styles (Markdown's bold and italic) as lines no wider than `width`, by the rules of wrapWords:
 * white space between runs counts as between words, and a run that starts in the middle of a word continues it.
 * Each line is its pieces in order; a piece's text starts with the space that separates it from the one before.
 */
export function wrapRuns<Style>(runs: TextRun<Style>[], width: number, measure: MeasureRun<Style>): LinePiece<Style>[][] {
  const lines: LinePiece<Style>[][] = [];
  let line: LinePiece<Style>[] = [];
  // Widths add up piece by piece (measuring the growing line again would cost the square of its length).
  let lineWidth = 0;
  let spaceBefore = false;
  const pushBroken = (text: string, style: Style) => {
    const parts = breakWord(text, width, (part) => measure(part, style));
    for (const part of parts.slice(0, -1)) lines.push([{ text: part, style }]);
    const last = parts[parts.length - 1] ?? "";
    line = last ? [{ text: last, style }] : [];
    lineWidth = last ? measure(last, style) : 0;
  };
  for (const run of runs) {
    const runPieces = pieces(run.text);
    if (runPieces.length > 0) runPieces[0].spaced = spaceBefore || /^\s/u.test(run.text);
    if (/\S/u.test(run.text)) spaceBefore = /\s$/u.test(run.text);
    else if (run.text) spaceBefore = true;
    for (const piece of runPieces) {
      const pieceWidth = measure(piece.text, run.style);
      const separator = line.length > 0 && piece.spaced;
      const spaceWidth = separator ? measure(" ", run.style) : 0;
      const candidateWidth = lineWidth + spaceWidth + pieceWidth;
      if (line.length === 0 || candidateWidth <= width) {
        if (line.length === 0 && pieceWidth > width) {
          pushBroken(piece.text, run.style);
          continue;
        }
        line.push({ text: separator ? ` ${piece.text}` : piece.text, style: run.style });
        lineWidth = line.length === 1 ? pieceWidth : candidateWidth;
        continue;
      }
      lines.push(line);
      line = [];
      lineWidth = 0;
      if (pieceWidth <= width) {
        line = [{ text: piece.text, style: run.style }];
        lineWidth = pieceWidth;
        continue;
      }
      pushBroken(piece.text, run.style);
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
