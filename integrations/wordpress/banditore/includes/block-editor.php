<?php
/**
 * The checker in the block editor: a sidebar, a pre-publish panel, marks through the
 * annotations API and the publishing lock. The script decides in the browser whether the post is
 * a message for the channel, since its categories change while it is edited.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'enqueue_block_editor_assets',
	static function () {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( ! $screen || 'post' !== $screen->base || ! banditore_assets_built() ) {
			return; // Not a post editor (the site editor, widgets...), or nothing to load.
		}
		wp_enqueue_script(
			'banditore-block-editor',
			banditore_asset_url( 'src/block-editor.js' ),
			array( 'wp-plugins', 'wp-edit-post', 'wp-editor', 'wp-element', 'wp-components', 'wp-data', 'wp-blocks', 'wp-rich-text', 'wp-annotations', 'wp-dom-ready' ),
			banditore_asset_version( 'src/block-editor.js' ),
			true
		);
		wp_localize_script( 'banditore-block-editor', 'banditoreEditor', banditore_editor_config() );
		wp_enqueue_style( 'banditore-block-editor', banditore_asset_url( 'src/block-editor.css' ), array(), banditore_asset_version( 'src/block-editor.css' ) );
	}
);
