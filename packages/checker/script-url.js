// Injected into the classic-script builds (scripts/build-packages.mjs): `import.meta.url` becomes
// the URL of the script being run, read while it runs (document.currentScript is null afterwards).
export const __bndScriptUrl =
  (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || (typeof location !== 'undefined' ? location.href : '');
