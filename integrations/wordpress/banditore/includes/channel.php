<?php
/**
 * Which posts are messages for the channel (chosen post types, or posts in chosen categories),
 * and what the editors' checker needs to know about them.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

const BANDITORE_OPTION_CHANNEL = 'banditore_channel';

/** @return array{post_types: string[], categories: int[]} */
function banditore_channel_settings(): array {
	$o = get_option( BANDITORE_OPTION_CHANNEL, array() );
	$o = is_array( $o ) ? $o : array();
	return array(
		'post_types' => array_values( array_map( 'strval', (array) ( $o['post_types'] ?? array() ) ) ),
		'categories' => array_values( array_map( 'intval', (array) ( $o['categories'] ?? array() ) ) ),
	);
}

/** Whether the post is a message for the channel as saved (the editors re-decide as categories change). */
function banditore_is_channel_post( WP_Post $post ): bool {
	$s = banditore_channel_settings();
	if ( in_array( $post->post_type, $s['post_types'], true ) ) {
		return true;
	}
	return (bool) array_intersect( $s['categories'], wp_get_post_categories( $post->ID ) );
}

/**
 * What the editor scripts get: where the checker and the profile are, which posts it checks,
 * the categories' slugs (a slug equal to a profile category id gives the message its category)
 * and the interface's strings, translated here.
 */
function banditore_editor_config(): array {
	$slugs = array();
	foreach ( get_categories( array( 'hide_empty' => false ) ) as $cat ) {
		$slugs[ (string) $cat->term_id ] = $cat->slug;
	}
	return array(
		'controller'   => banditore_asset_url( 'editor/controller.js' ),
		'whatsapp'     => banditore_asset_url( 'editor/whatsapp-format.js' ),
		'tinymce'      => banditore_asset_url( 'editor/tinymce-plugin.js' ),
		'css'          => banditore_asset_url( 'editor/checker.css' ),
		'profile'      => '' === banditore_profile_json() ? '' : banditore_profile_url(),
		'lang'         => banditore_default_lang(),
		'timezone'     => wp_timezone_string(),
		'channel'      => banditore_channel_settings(),
		'categorySlug' => $slugs,
		'strings'      => banditore_editor_strings(),
	);
}

function banditore_editor_strings(): array {
	return array(
		'title'       => __( 'Channel message check', 'banditore' ),
		'prepublish'  => __( 'Channel message', 'banditore' ),
		'notChannel'  => __( 'This post is not a message for the channel: the checker runs on the post types and categories chosen in Settings → Banditore.', 'banditore' ),
		'noProfile'   => __( 'No profile yet: an administrator sets it in Settings → Banditore. Until then a message for the channel cannot be published.', 'banditore' ),
		'checking'    => __( 'Checking…', 'banditore' ),
		'ok'          => __( 'No problems found: the message can be sent.', 'banditore' ),
		'locked'      => __( 'Publishing is locked until the errors are fixed.', 'banditore' ),
		'open'        => __( 'See the findings', 'banditore' ),
		'failed'      => __( 'The check could not run, so publishing stays locked:', 'banditore' ),
		/* translators: 1: number of errors, 2: number of warnings. */
		'counts'      => __( 'Errors: %1$d, warnings: %2$d', 'banditore' ),
		'error'       => __( 'Error', 'banditore' ),
		'warning'     => __( 'Warning', 'banditore' ),
		'info'        => __( 'Note', 'banditore' ),
		'goTo'        => __( 'Go to the text', 'banditore' ),
		/* translators: %s: the replacement text. */
		'fix'         => __( 'Replace with “%s”', 'banditore' ),
		'remove'      => __( 'Remove the text', 'banditore' ),
		'source'      => __( 'Source:', 'banditore' ),
		'category'    => __( 'Category for the checker:', 'banditore' ),
		'noCategory'  => __( 'none (give the post a category whose slug is a profile category id)', 'banditore' ),
		'sendAt'      => __( 'Sending time:', 'banditore' ),
		'now'         => __( 'now (on publishing)', 'banditore' ),
		'copy'        => __( 'Copy for WhatsApp', 'banditore' ),
		'copied'      => __( 'Copied: paste it into WhatsApp.', 'banditore' ),
		'copyFailed'  => __( 'Copy failed: select the preview and copy it by hand.', 'banditore' ),
		'preview'     => __( 'The message as WhatsApp will show it', 'banditore' ),
		'classicGate' => __( 'The message has errors the channel’s policy does not allow: fix them (see the Banditore box) before publishing.', 'banditore' ),
	);
}
