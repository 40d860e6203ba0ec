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

/**
 * `text` as lines no wider than `width`. Lines break between words (at white space, which collapses to one space)
 * and between CJK characters; a word is broken inside only when the word alone is wider than the line. An empty
 * or blank text has no lines.
 */
export function wrapWords(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  const spaceWidth = measure(" ");
  let line = "";
  // Widths add up piece by piece (measuring the growing line again would cost the square of its length).
  let lineWidth = 0;
  for (const piece of pieces(text)) {
    const pieceWidth = measure(piece.text);
    const separator = line && piece.spaced ? " " : "";
    const candidateWidth = lineWidth + (separator ? spaceWidth : 0) + pieceWidth;
    if (!line || candidateWidth <= width) {
      if (!line && pieceWidth > width) {
        const parts = breakWord(piece.text, width, measure);
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1] ?? "";
        lineWidth = measure(line);
        continue;
      }
      line = line ? `${line}${separator}${piece.text}` : piece.text;
      lineWidth = line === piece.text ? pieceWidth : candidateWidth;
      continue;
    }
    lines.push(line);
    line = "";
    lineWidth = 0;
    if (pieceWidth <= width) {
      line = piece.text;
      lineWidth = pieceWidth;
      continue;
    }
    const parts = breakWord(piece.text, width, measure);
    lines.push(...parts.slice(0, -1));
    line = parts[parts.length - 1] ?? "";
    lineWidth = measure(line);
  }
  if (line) lines.push(line);
  return lines;
}
