// Where the checker finds its worker, its wasm-bindgen glue and its .wasm. Here: the unbundled
// demo's layout (www/pkg/ built by scripts/build-wasm.sh). scripts/build-packages.mjs swaps this
// module for one naming the content-hashed files of the npm package and the release.
export const WORKER_URL = new URL('./checker-worker.js', import.meta.url);
export const PKG_URL = new URL('../pkg/banditore_checker/banditore_checker.js', import.meta.url);
/** undefined: the glue finds its .wasm beside itself. */
export const WASM_URL = undefined;
