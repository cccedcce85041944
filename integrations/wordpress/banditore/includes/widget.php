<?php
/**
 * The citizen widget on the site: the `banditore/iscrizione` block and the
 * `[banditore_iscrizione]` shortcode both print a <banditore-iscrizione> element. Its script is
 * enqueued only while rendering one, so pages without the widget load nothing of it; it is one
 * ES module served from the plugin's folder, loading its stylesheet and WASM from beside itself
 * and the profile from the REST route: all from the site's own origin.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

const BANDITORE_WIDGET_HANDLE = 'banditore-widget';

add_action(
	'init',
	static function () {
		banditore_register_module( BANDITORE_WIDGET_HANDLE, 'widget/banditore-iscrizione.js' );
		add_shortcode( 'banditore_iscrizione', 'banditore_shortcode' );
		wp_register_script(
			'banditore-block',
			banditore_asset_url( 'src/block.js' ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			banditore_asset_version( 'src/block.js' ),
			true
		);
		wp_localize_script( 'banditore-block', 'banditoreBlock', banditore_block_strings() );
		register_block_type(
			'banditore/iscrizione',
			array(
				'api_version'     => 2,
				'title'           => __( 'Channel subscription', 'banditore' ),
				'category'        => 'widgets',
				'editor_script'   => 'banditore-block',
				'render_callback' => 'banditore_render_block',
				'supports'        => array( 'html' => false ),
				'attributes'      => array(
					'remember'     => array( 'type' => 'boolean', 'default' => false ),
					'lang'         => array( 'type' => 'string', 'default' => '' ),
					'headingLevel' => array( 'type' => 'number', 'default' => 2 ),
				),
			)
		);
	}
);

/** The block's editor strings, translated on the server (one catalogue for PHP and JS). */
function banditore_block_strings(): array {
	return array(
		'title'        => __( 'Channel subscription', 'banditore' ),
		'description'  => __( 'The subscription to the comune’s WhatsApp or Telegram channel: policy, privacy notice, consent, then the link.', 'banditore' ),
		'settings'     => __( 'Widget settings', 'banditore' ),
		'remember'     => __( 'Remember the consent on this device', 'banditore' ),
		'rememberHelp' => __( 'Keeps the consent receipt (no personal data) in the browser’s storage, so a returning visitor goes straight to the link.', 'banditore' ),
		'lang'         => __( 'Language', 'banditore' ),
		'langSite'     => __( 'Site language', 'banditore' ),
		'italian'      => __( 'Italian', 'banditore' ),
		'english'      => __( 'English', 'banditore' ),
		'heading'      => __( 'Heading level', 'banditore' ),
		'placeholder'  => __( 'The subscription widget appears here on the published page, with the profile set in Settings → Banditore.', 'banditore' ),
		'noProfile'    => '' === banditore_profile_json() ? __( 'No profile yet: set it in Settings → Banditore.', 'banditore' ) : '',
	);
}

/**
 * The element's markup; enqueues its script.
 *
 * @param array{remember?: bool, lang?: string, heading_level?: int, loading?: string} $args Options.
 */
function banditore_widget_html( array $args ): string {
	if ( '' === banditore_profile_json() ) {
		// Visitors see nothing rather than a broken box; editors see why.
		return current_user_can( 'edit_posts' )
			? '<p class="banditore-missing">' . esc_html__( 'Banditore: no profile yet. Set it in Settings → Banditore.', 'banditore' ) . '</p>'
			: '';
	}
	wp_enqueue_script( BANDITORE_WIDGET_HANDLE );
	$lang  = in_array( $args['lang'] ?? '', array( 'it', 'en' ), true ) ? $args['lang'] : banditore_default_lang();
	$attrs = array(
		'profile'       => banditore_profile_url(),
		'lang'          => $lang,
		'heading-level' => (string) max( 1, min( 5, (int) ( $args['heading_level'] ?? 2 ) ) ),
	);
	if ( 'lazy' === ( $args['loading'] ?? '' ) ) {
		$attrs['loading'] = 'lazy';
	}
	$html = '<banditore-iscrizione';
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	if ( ! empty( $args['remember'] ) ) {
		$html .= ' remember';
	}
	return $html . '></banditore-iscrizione>';
}

/**
 * Block render callback.
 *
 * @param array $attributes Block attributes.
 */
function banditore_render_block( array $attributes ): string {
	return '<div ' . get_block_wrapper_attributes() . '>' . banditore_widget_html(
		array(
			'remember'      => ! empty( $attributes['remember'] ),
			'lang'          => (string) ( $attributes['lang'] ?? '' ),
			'heading_level' => (int) ( $attributes['headingLevel'] ?? 2 ),
		)
	) . '</div>';
}

/**
 * [banditore_iscrizione lang="it|en" remember="1" heading_level="2" loading="lazy"]
 *
 * @param array|string $atts Shortcode attributes.
 */
function banditore_shortcode( $atts ): string {
	$atts = shortcode_atts(
		array(
			'lang'          => '',
			'remember'      => '',
			'heading_level' => 2,
			'loading'       => '',
		),
		is_array( $atts ) ? $atts : array(),
		'banditore_iscrizione'
	);
	return banditore_widget_html(
		array(
			'lang'          => (string) $atts['lang'],
			'remember'      => in_array( strtolower( (string) $atts['remember'] ), array( '1', 'true', 'yes', 'si', 'sì', 'remember' ), true ),
			'heading_level' => (int) $atts['heading_level'],
			'loading'       => (string) $atts['loading'],
		)
	);
}
