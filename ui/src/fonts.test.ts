// The window must draw text with the PDF's fonts in the PDF's order: fonts.css and the font stack
// in app.css are checked against the fallback table of assets/fonts/README.md.
import { describe, expect, it } from "vitest";
import fontsCss from "./fonts.css?raw";
import appCss from "./app.css?raw";
import readme from "../../assets/fonts/README.md?raw";

type Range = readonly [number, number];

/** Parses a CSS unicode-range list ("U+0600-06FF, U+00A9") into inclusive code point ranges. */
function parseRanges(text: string): Range[] {
  return text.split(",").map((part) => {
    const m = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part.trim());
    if (!m) throw new Error(`not a unicode range: ${part}`);
    const start = parseInt(m[1], 16);
    return [start, m[2] ? parseInt(m[2], 16) : start] as const;
  });
}

type Row = { family: string; files: string[]; ranges: Range[] };

/** The fallback order as README.md writes it: "| 1 | family | file, file | ranges |". */
function readmeOrder(): Row[] {
  const section = readme.split("## Fallback order")[1] ?? "";
  const rows: Row[] = [];
  for (const line of section.split("\n")) {
    const m = /^\| (\d+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/.exec(line.trim());
    if (!m) continue;
    expect(Number(m[1])).toBe(rows.length + 1);
    rows.push({ family: m[2].trim(), files: m[3].split(",").map((f) => f.trim()), ranges: parseRanges(m[4]) });
  }
  return rows;
}

type Face = { family: string; file: string; weight: string; display: string; ranges: Range[] };

function cssFaces(): Face[] {
  return [...fontsCss.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const prop = (name: string) => {
      const m = new RegExp(`${name}:\\s*([^;]+);`).exec(body);
      if (!m) throw new Error(`an @font-face without ${name}: ${body}`);
      return m[1].replace(/\s+/g, " ").trim();
    };
    const src = /url\("\.\.\/\.\.\/assets\/fonts\/([^"]+)"\)/.exec(prop("src"));
    return {
      family: prop("font-family").replace(/"/g, ""),
      file: src ? src[1] : prop("src"),
      weight: prop("font-weight"),
      display: prop("font-display"),
      ranges: parseRanges(prop("unicode-range")),
    };
  });
}

/** The families of a custom property's value in app.css, with var(--x) expanded. */
function stack(name: string): string[] {
  const m = new RegExp(`${name}:\\s*([^;]+);`).exec(appCss);
  if (!m) throw new Error(`app.css sets no ${name}`);
  return m[1].split(",").flatMap((part) => {
    const p = part.trim();
    const v = /^var\((--[a-z]+)\)$/.exec(p);
    return v ? stack(v[1]) : [p.replace(/"/g, "")];
  });
}

const inside = (ranges: Range[], cp: number) => ranges.some(([a, b]) => a <= cp && cp <= b);
const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0) ?? 0);

describe("the app's fonts", () => {
  const order = readmeOrder();
  const faces = cssFaces();

  it("reads ten families from the fallback order in assets/fonts/README.md", () => {
    expect(order.map((r) => r.family)).toEqual([
      "DejaVu Sans",
      "Noto Sans Arabic",
      "Noto Sans Hebrew",
      "Noto Sans Devanagari",
      "Noto Sans Thai",
      "Noto Sans KR",
      "Droid Sans Fallback",
      "Noto Sans Symbols",
      "Noto Sans Symbols2",
      "Noto Emoji",
    ]);
  });

  it("names the families in the app's font stack in the fallback order, before the generic family", () => {
    expect(stack("--font")).toEqual([...order.map((r) => r.family), "sans-serif"]);
  });

  it("declares one face per file of the fallback order, with that family's ranges", () => {
    expect(faces.map((f) => [f.family, f.file])).toEqual(order.flatMap((r) => r.files.map((f) => [r.family, f])));
    for (const face of faces) {
      const row = order.find((r) => r.family === face.family);
      expect(face.ranges, face.file).toEqual(row?.ranges);
    }
  });

  it("gives Bold files weight 700 and the others 400, and never shows a fallback font while loading", () => {
    for (const face of faces) {
      expect(face.weight, face.file).toBe(face.file.includes("-Bold") ? "700" : "400");
      expect(face.display, face.file).toBe("block");
    }
  });

  it("points every face at a file that is in assets/fonts, and leaves no font file out", () => {
    const shipped = Object.keys(import.meta.glob("../../assets/fonts/*.ttf")).map((p) => p.split("/").pop());
    expect(faces.map((f) => f.file).sort()).toEqual(shipped.sort());
  });

  it("keeps Arabic, Hebrew and the emoji pictographs away from DejaVu Sans, which has some of them", () => {
    const dejavu = order[0].ranges;
    for (const cp of codePoints("عربي ﻻ עברית 😀👍🚀🇫🇷🤖🫠")) {
      if (cp !== 0x20) expect(inside(dejavu, cp), cp.toString(16)).toBe(false);
    }
    for (const cp of codePoints("Aé Ωλ Жы ₹ ✓ → ❤ ♔")) expect(inside(dejavu, cp), cp.toString(16)).toBe(true);
  });

  it("puts each script's letters inside the ranges of the family meant for them", () => {
    const samples: Record<string, string> = {
      "Noto Sans Arabic": "منصة التسويق، ١٢٣ ﻻ",
      "Noto Sans Hebrew": "ניהול איכות",
      "Noto Sans Devanagari": "डेटा गुणवत्ता क्षत्रिय।",
      "Noto Sans Thai": "มาตรฐานคุณภาพ",
      "Noto Sans KR": "한국어 데이터 ㅋㅎ",
      "Droid Sans Fallback": "简体中文繁體日本語ひらがなカタカナ、。：ｶﾀ",
      "Noto Emoji": "😀👍🚀✅🇫🇷👩‍💻❤️",
    };
    for (const [family, text] of Object.entries(samples)) {
      const ranges = order.find((r) => r.family === family)?.ranges ?? [];
      for (const cp of codePoints(text.replace(/\s/g, ""))) expect(inside(ranges, cp), `${family} U+${cp.toString(16)}`).toBe(true);
    }
  });
});
