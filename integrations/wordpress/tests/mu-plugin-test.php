<?php
/**
 * Test-only must-use plugin (copied into the throw-away WordPress by start-wordpress.sh, never
 * shipped): `?classic-editor` on a post screen opens the classic editor, as the Classic Editor
 * plugin would, so one site serves both editor paths.
 */
add_filter(
	'use_block_editor_for_post',
	static function ( $use ) {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended
		return isset( $_GET['classic-editor'] ) || ( isset( $_POST['classic-editor'] ) ) ? false : $use;
	}
);
// Keeps the classic editor across the save redirect.
add_filter(
	'redirect_post_location',
	static fn( $location ) => isset( $_POST['classic-editor'] ) ? add_query_arg( 'classic-editor', '1', $location ) : $location
);
add_action( 'edit_form_top', static function () {
	if ( isset( $_GET['classic-editor'] ) ) {
		echo '<input type="hidden" name="classic-editor" value="1">';
	}
} );
// No block directory: its search asks WordPress.org, which the tests cannot reach.
remove_action( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' );
// No mail from the installer (there is no sendmail).
add_filter( 'pre_wp_mail', '__return_false' );
