<?php
/**
 * The comune's profile: stored as the JSON text the administrator gave (never re-encoded, so
 * empty objects and numbers reach the WASM exactly as written), and the checks PHP can make.
 *
 * The authoritative validation is the WASM validator's, in the administrator's browser (the
 * settings page refuses to submit a profile it rejects). This server has only PHP: it re-checks
 * what it can without the Rust core (well-formed JSON, an object, its size, the required
 * top-level fields) so that a forged request cannot store garbage. `banditore validate` (the
 * project's CLI) runs the same validation as the browser where a server can run it.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

const BANDITORE_OPTION_PROFILE = 'banditore_profile';
/** The largest seed profile is under 20 KB; 256 KB leaves room for long policies. */
const BANDITORE_PROFILE_MAX_BYTES = 262144;
/** The schema's required top-level fields (pkg-config/profile.schema.json). */
const BANDITORE_PROFILE_REQUIRED = array( 'id', 'comune', 'policy', 'privacy', 'channels', 'audience', 'categories', 'forbidden', 'management', 'help', 'platform' );

/** The stored profile's JSON text, or '' when none has been saved. */
function banditore_profile_json(): string {
	$json = get_option( BANDITORE_OPTION_PROFILE, '' );
	return is_string( $json ) ? $json : '';
}

/**
 * Server-side checks of a profile's JSON text.
 *
 * @param string $json The profile as submitted.
 * @return array<int, array{path: string, message: string}> Problems found, each naming its field; empty when none.
 */
function banditore_profile_problems( string $json ): array {
	if ( '' === trim( $json ) ) {
		return array( array( 'path' => '$', 'message' => __( 'The profile is empty.', 'banditore' ) ) );
	}
	if ( strlen( $json ) > BANDITORE_PROFILE_MAX_BYTES ) {
		return array(
			array(
				'path'    => '$',
				/* translators: %d: the largest size allowed, in kilobytes. */
				'message' => sprintf( __( 'The profile is larger than %d KB.', 'banditore' ), BANDITORE_PROFILE_MAX_BYTES / 1024 ),
			),
		);
	}
	try {
		$data = json_decode( $json, false, 64, JSON_THROW_ON_ERROR );
	} catch ( JsonException $e ) {
		return array(
			array(
				'path'    => '$',
				/* translators: %s: the JSON parser's message. */
				'message' => sprintf( __( 'The profile is not valid JSON: %s', 'banditore' ), $e->getMessage() ),
			),
		);
	}
	if ( ! is_object( $data ) ) {
		return array( array( 'path' => '$', 'message' => __( 'The profile must be a JSON object.', 'banditore' ) ) );
	}
	$problems = array();
	foreach ( BANDITORE_PROFILE_REQUIRED as $field ) {
		if ( ! property_exists( $data, $field ) ) {
			$problems[] = array(
				'path'    => '$.' . $field,
				/* translators: %s: a field name of the profile. */
				'message' => sprintf( __( 'Required field “%s” is missing.', 'banditore' ), $field ),
			);
		}
	}
	if ( property_exists( $data, 'id' ) && ( ! is_string( $data->id ) || ! preg_match( '/^[a-z0-9][a-z0-9-]{0,63}$/', $data->id ) ) ) {
		$problems[] = array( 'path' => '$.id', 'message' => __( 'The id must be lowercase letters, digits and hyphens.', 'banditore' ) );
	}
	if ( property_exists( $data, 'channels' ) && ( ! is_array( $data->channels ) || ! $data->channels ) ) {
		$problems[] = array( 'path' => '$.channels', 'message' => __( 'The profile must list at least one channel.', 'banditore' ) );
	}
	return $problems;
}

/** The language for the widget and the checker: Italian unless the site (or user) speaks another. */
function banditore_default_lang(): string {
	$locale = function_exists( 'determine_locale' ) ? determine_locale() : get_locale();
	return str_starts_with( $locale, 'it' ) ? 'it' : 'en';
}
