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
// A TinyMCE form field outside the post editor (Tools → Modulo di prova), given the checker
// through the plugin's filter, as a theme's or another plugin's form would.
add_action(
	'admin_menu',
	static function () {
		add_submenu_page(
			'tools.php',
			'Modulo di prova',
			'Modulo di prova',
			'edit_posts',
			'banditore-test-form',
			static function () {
				echo '<div class="wrap"><h1>Modulo di prova</h1><form method="post"><label for="bnd_form_field">Testo del messaggio</label>';
				wp_editor( '', 'bnd_form_field', array( 'textarea_rows' => 6, 'media_buttons' => false ) );
				echo '</form></div>';
			}
		);
	}
);
add_filter(
	'banditore_tinymce_editor_ids',
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended
	static fn( $ids ) => isset( $_GET['page'] ) && 'banditore-test-form' === $_GET['page'] ? array_merge( $ids, array( 'bnd_form_field' ) ) : $ids
);
