<?php
/**
 * The checker in the classic editor and in other TinyMCE fields (WordPress ships TinyMCE 4.9):
 * the project's TinyMCE plugin (assets/editor/tinymce-plugin.js, an ES module) is loaded through
 * `mce_external_plugins` by a small classic script, assets/src/tinymce-loader.js, which TinyMCE
 * can load as an external plugin. A "Banditore" box beside the editor holds the findings panel
 * and "Copia per WhatsApp"; the Publish button stays closed while the message has errors.
 *
 * Other TinyMCE fields (wp_editor() in a form of a theme or plugin) get the checker by adding
 * their editor id with the `banditore_tinymce_editor_ids` filter.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

/** Editor ids the checker attaches to on this request. */
function banditore_tinymce_editor_ids(): array {
	$ids    = array();
	$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
	if ( $screen && 'post' === $screen->base && ! ( method_exists( $screen, 'is_block_editor' ) && $screen->is_block_editor() ) ) {
		$ids[] = 'content';
	}
	/**
	 * Filters the ids of the wp_editor() fields the checker runs in.
	 *
	 * @param string[] $ids Editor ids; 'content' on the classic post editor.
	 */
	return array_values( array_unique( array_map( 'strval', (array) apply_filters( 'banditore_tinymce_editor_ids', $ids ) ) ) );
}

add_filter(
	'mce_external_plugins',
	static function ( $plugins ) {
		if ( banditore_assets_built() && banditore_tinymce_editor_ids() ) {
			$plugins['banditore'] = add_query_arg( 'ver', banditore_asset_version( 'src/tinymce-loader.js' ), banditore_asset_url( 'src/tinymce-loader.js' ) );
			banditore_classic_config();
		}
		return $plugins;
	}
);

/** Prints the loader's configuration once (before TinyMCE starts, which loads the loader). */
function banditore_classic_config(): void {
	static $done = false;
	if ( $done ) {
		return;
	}
	$done   = true;
	$config = banditore_editor_config();
	$config['editors'] = banditore_tinymce_editor_ids();
	$post              = get_post();
	$config['postType'] = $post ? $post->post_type : '';
	wp_register_script( 'banditore-classic-config', false, array(), BANDITORE_VERSION, false );
	wp_enqueue_script( 'banditore-classic-config' );
	wp_add_inline_script( 'banditore-classic-config', 'window.banditoreEditor = ' . wp_json_encode( $config ) . ';' );
	wp_enqueue_style( 'banditore-classic', banditore_asset_url( 'src/classic-editor.css' ), array(), banditore_asset_version( 'src/classic-editor.css' ) );
	wp_enqueue_style( 'banditore-checker', banditore_asset_url( 'editor/checker.css' ), array(), banditore_asset_version( 'editor/checker.css' ) );
}

// The box the findings panel goes into, on classic post screens.
add_action(
	'add_meta_boxes',
	static function ( $post_type, $post = null ) {
		if ( function_exists( 'use_block_editor_for_post' ) && $post instanceof WP_Post && use_block_editor_for_post( $post ) ) {
			return;
		}
		if ( ! post_type_supports( $post_type, 'editor' ) ) {
			return;
		}
		add_meta_box(
			'banditore-checker',
			__( 'Channel message check', 'banditore' ),
			static function () {
				echo '<div id="banditore-classic-panel" data-banditore-panel="content"><p class="banditore-inactive">' . esc_html__( 'This post is not a message for the channel: the checker runs on the post types and categories chosen in Settings → Banditore.', 'banditore' ) . '</p></div>';
				echo '<div id="banditore-classic-gate" class="banditore-gate-message" role="alert"></div>';
			},
			$post_type,
			'side',
			'high'
		);
	},
	10,
	2
);
