import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The webview loads dist/ from the app bundle under a strict CSP (default-src 'self'): relative
// asset paths, no inline scripts, no remote URLs. Fonts come from ../assets/fonts via fonts.css.
export default defineConfig({
  base: "./",
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    // The fonts live once in assets/fonts (the PDF takes its fonts from there too) and fonts.css
    // points there, so the dev server may read that folder besides ui/ (paths are relative to
    // ui/). The build copies them into dist/assets.
    fs: { allow: [".", "../assets/fonts"] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // fonts.test.ts reads fonts.css and app.css as text (?raw); Vitest empties CSS unless told.
    css: { include: [/\/(fonts|app)\.css/] },
  },
});
