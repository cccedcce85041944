<?php
/**
 * GET /wp-json/banditore/v1/profile: the stored profile, byte for byte, as application/json.
 *
 * The widget fetches it from the site's own origin. WordPress would re-encode a PHP value (an
 * empty JSON object would come back as []), so the stored text is sent as it is.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

const BANDITORE_REST_NAMESPACE = 'banditore/v1';

/** The profile's URL for the widget (path only: same origin whatever the host name used). */
function banditore_profile_url(): string {
	$url = rest_url( BANDITORE_REST_NAMESPACE . '/profile' );
	$version = substr( md5( banditore_profile_json() ), 0, 8 );
	// A new profile gets a new URL: browsers never keep the old one past a change.
	$url = add_query_arg( 'v', $version, $url );
	$parts = wp_parse_url( $url );
	return ( $parts['path'] ?? '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' );
}

add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			BANDITORE_REST_NAMESPACE,
			'/profile',
			array(
				'methods'             => 'GET',
				// The profile is public by nature: it is the comune's published policy and notice.
				'permission_callback' => '__return_true',
				'callback'            => static function () {
					$json = banditore_profile_json();
					if ( '' === $json ) {
						return new WP_Error( 'banditore_no_profile', __( 'No profile has been configured yet.', 'banditore' ), array( 'status' => 404 ) );
					}
					$response = new WP_REST_Response( null, 200 );
					$response->header( 'Content-Type', 'application/json; charset=UTF-8' );
					$response->header( 'Cache-Control', 'public, max-age=300' );
					$response->header( 'X-Content-Type-Options', 'nosniff' );
					$response->set_data( array( 'banditore_raw' => $json ) );
					return $response;
				},
			)
		);
	}
);

// Sends the raw text instead of WordPress's json_encode of the data.
add_filter(
	'rest_pre_serve_request',
	static function ( $served, $result, $request ) {
		if ( $served || ! $request instanceof WP_REST_Request || '/' . BANDITORE_REST_NAMESPACE . '/profile' !== $request->get_route() ) {
			return $served;
		}
		$data = $result instanceof WP_REST_Response ? $result->get_data() : null;
		if ( ! is_array( $data ) || ! isset( $data['banditore_raw'] ) ) {
			return $served;
		}
		if ( 'HEAD' !== $request->get_method() ) {
			echo $data['banditore_raw']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON served as application/json, validated when stored.
		}
		return true;
	},
	10,
	3
);
