import { existsSync } from "node:fs";
import type { ExportLocale } from "./types";
import { env } from "@/lib/env";

/**
 * Where the PDF's CJK font comes from. See docs/decisions/010-pdf-cjk-font.md.
 *
 * Order: the EXCHANGE_DESK_PDF_FONT environment variable, then the Noto Sans CJK collection at the paths
 * where Linux distributions install it (Debian/Ubuntu package fonts-noto-cjk first). No npm package is used:
 * the ones that ship a single CJK font are either subsets that miss rarer name characters or >200 MB.
 */
export const PDF_FONT_ENV_VAR = "EXCHANGE_DESK_PDF_FONT";
export const DEBIAN_FONT_PACKAGE = "fonts-noto-cjk";

/** One face of a font file; `postscriptName` picks the face inside a collection (.ttc/.otc). */
export interface PdfFontFace {
  path: string;
  postscriptName?: string;
}

export interface PdfFonts {
  regular: PdfFontFace;
  /** Used for the table header; null when only a regular face is configured. */
  bold: PdfFontFace | null;
}

const NOTO_SANS_CJK_DIRECTORIES = [
  "/usr/share/fonts/opentype/noto", // Debian, Ubuntu: fonts-noto-cjk
  "/usr/share/fonts/google-noto-cjk", // Fedora: google-noto-sans-cjk-fonts
  "/usr/share/fonts/noto-cjk", // Arch: noto-fonts-cjk
  "/usr/share/fonts/noto", // Alpine: font-noto-cjk
];

/**
 * Every face of Noto Sans CJK covers Traditional and Simplified characters alike (65,535 glyphs, including
 * rare characters used in names); the face only decides regional glyph shapes. Hong Kong shapes suit the
 * Traditional and English reports of this HK-run programme, mainland shapes the Simplified ones.
 */
function notoSansCjkFaceRegion(locale: ExportLocale): "hk" | "sc" {
  return locale === "zh-Hans" ? "sc" : "hk";
}

function notoSansCjkFace(path: string, locale: ExportLocale, weight: "Regular" | "Bold"): PdfFontFace {
  return { path, postscriptName: `NotoSansCJK${notoSansCjkFaceRegion(locale)}-${weight}` };
}

export class PdfFontNotFoundError extends Error {
  constructor(searched: string[]) {
    super(
      `No CJK font found for PDF export. Install the Debian/Ubuntu package ${DEBIAN_FONT_PACKAGE} ` +
        `(apt-get install ${DEBIAN_FONT_PACKAGE}), or set ${PDF_FONT_ENV_VAR} to a font file covering ` +
        `Traditional and Simplified Chinese (append #PostScriptName to choose a face in a .ttc/.otc). ` +
        `Searched: ${searched.join(", ")}`,
    );
    this.name = "PdfFontNotFoundError";
  }
}

export function resolvePdfFonts(
  locale: ExportLocale,
  environment: Record<string, string | undefined> = { [PDF_FONT_ENV_VAR]: env().EXCHANGE_DESK_PDF_FONT },
  fileExists: (path: string) => boolean = existsSync,
): PdfFonts {
  const configured = environment[PDF_FONT_ENV_VAR]?.trim();
  if (configured) {
    const face = parseConfiguredFace(configured, locale);
    if (!fileExists(face.path)) {
      throw new Error(`${PDF_FONT_ENV_VAR} points to ${face.path}, which does not exist.`);
    }
    return { regular: face, bold: null };
  }

  const searched: string[] = [];
  for (const directory of NOTO_SANS_CJK_DIRECTORIES) {
    const regularPath = `${directory}/NotoSansCJK-Regular.ttc`;
    const boldPath = `${directory}/NotoSansCJK-Bold.ttc`;
    searched.push(regularPath);
    if (fileExists(regularPath)) {
      return {
        regular: notoSansCjkFace(regularPath, locale, "Regular"),
        bold: fileExists(boldPath) ? notoSansCjkFace(boldPath, locale, "Bold") : null,
      };
    }
  }
  throw new PdfFontNotFoundError([`$${PDF_FONT_ENV_VAR}`, ...searched]);
}

/** "path" or "path#PostScriptName". A collection given without a face name is taken to be Noto Sans CJK. */
function parseConfiguredFace(configured: string, locale: ExportLocale): PdfFontFace {
  const separator = configured.lastIndexOf("#");
  if (separator > 0) {
    return { path: configured.slice(0, separator), postscriptName: configured.slice(separator + 1) };
  }
  if (/\.(ttc|otc)$/i.test(configured)) return notoSansCjkFace(configured, locale, "Regular");
  return { path: configured };
}
