<?php
/**
 * Where the plugin's files are served from, and ES-module script tags (WordPress 6.1 has no
 * module API yet: `wp_enqueue_script_module` came with 6.5).
 *
 * Layout under assets/: widget/ is the project's www/dist/ (the widget bundle) plus the widget's
 * wasm-bindgen glue for the settings page's validator; editor/ and pkg/banditore_checker/ are the
 * checker and its editor glue from www/; src/ is this plugin's own JavaScript and CSS. Everything
 * but src/ is copied by integrations/wordpress/build.sh and not committed.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

/** URL of a file under assets/. */
function banditore_asset_url( string $path ): string {
	return plugins_url( 'assets/' . ltrim( $path, '/' ), BANDITORE_FILE );
}

/** Version string for cache busting: the file's mtime, so a rebuilt asset is never stale. */
function banditore_asset_version( string $path ): string {
	$file = BANDITORE_DIR . '/assets/' . ltrim( $path, '/' );
	return is_file( $file ) ? (string) filemtime( $file ) : BANDITORE_VERSION;
}

/** Whether the built assets are there (integrations/wordpress/build.sh has run). */
function banditore_assets_built(): bool {
	return is_file( BANDITORE_DIR . '/assets/widget/banditore-iscrizione.js' )
		&& is_file( BANDITORE_DIR . '/assets/editor/controller.js' );
}

/**
 * Registers a script served as an ES module (`<script type="module">`).
 *
 * @param string   $handle Script handle.
 * @param string   $path   Path under assets/.
 * @param string[] $deps   Dependencies.
 */
function banditore_register_module( string $handle, string $path, array $deps = array() ): void {
	wp_register_script( $handle, banditore_asset_url( $path ), $deps, banditore_asset_version( $path ), true );
	banditore_module_handles( $handle );
}

/**
 * The handles printed as modules.
 *
 * @param string|null $add A handle to add.
 * @return string[]
 */
function banditore_module_handles( ?string $add = null ): array {
	static $handles = array();
	if ( null !== $add ) {
		$handles[ $add ] = true;
	}
	return array_keys( $handles );
}

add_filter(
	'script_loader_tag',
	static function ( string $tag, string $handle ): string {
		if ( in_array( $handle, banditore_module_handles(), true ) ) {
			$tag = preg_replace( '/<script(?![^>]*\btype=)/', '<script type="module"', $tag, 1 );
			$tag = preg_replace( "/<script type=(['\"])text\\/javascript\\1/", '<script type="module"', $tag, 1 );
		}
		return $tag;
	},
	10,
	2
);
