<?php
/**
 * Settings → Banditore: the comune's profile (uploaded or pasted, validated in the browser by
 * the WASM validator, re-checked here, stored only when valid) with a preview of the widget, and
 * which posts are messages for the channel. Only administrators (manage_options) get here;
 * every form carries a nonce.
 *
 * @package Banditore
 */

defined( 'ABSPATH' ) || exit;

const BANDITORE_PAGE = 'banditore';

add_action(
	'admin_menu',
	static function () {
		$hook = add_options_page( __( 'Banditore', 'banditore' ), __( 'Banditore', 'banditore' ), 'manage_options', BANDITORE_PAGE, 'banditore_settings_page' );
		add_action( 'admin_enqueue_scripts', static fn( $current ) => $current === $hook && banditore_settings_assets() );
	}
);

add_action( 'admin_post_banditore_save_profile', 'banditore_save_profile' );
add_action( 'admin_post_banditore_save_channel', 'banditore_save_channel' );

function banditore_settings_assets(): void {
	banditore_register_module( 'banditore-settings', 'src/settings.js' );
	wp_localize_script(
		'banditore-settings',
		'banditoreSettings',
		array(
			'glue'    => banditore_asset_url( 'widget/pkg/banditore_widget/banditore_widget.js' ),
			'lang'    => banditore_default_lang(),
			'strings' => array(
				'valid'       => __( 'The profile is valid.', 'banditore' ),
				'invalid'     => __( 'The profile cannot be used. Fix these fields:', 'banditore' ),
				'whole'       => __( 'whole file', 'banditore' ),
				'checking'    => __( 'Checking the profile…', 'banditore' ),
				'notLoaded'   => __( 'The validator could not start, so the profile cannot be saved from this browser.', 'banditore' ),
				'readFailed'  => __( 'The file could not be read.', 'banditore' ),
				'previewNone' => __( 'The preview appears once the profile is valid.', 'banditore' ),
			),
		)
	);
	wp_enqueue_script( 'banditore-settings' );
	wp_enqueue_script( BANDITORE_WIDGET_HANDLE );
	wp_enqueue_style( 'banditore-settings', banditore_asset_url( 'src/settings.css' ), array(), banditore_asset_version( 'src/settings.css' ) );
}

/** Problems of the last refused submission, for this user (shown once). */
function banditore_flash_key(): string {
	return 'banditore_profile_problems_' . get_current_user_id();
}

function banditore_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change the Banditore settings.', 'banditore' ), 403 );
	}
	$json     = banditore_profile_json();
	$problems = get_transient( banditore_flash_key() );
	delete_transient( banditore_flash_key() );
	$status = isset( $_GET['banditore'] ) ? sanitize_key( $_GET['banditore'] ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only.
	$channel = banditore_channel_settings();
	?>
	<div class="wrap banditore-settings">
		<h1><?php esc_html_e( 'Banditore', 'banditore' ); ?></h1>
		<?php if ( ! banditore_assets_built() ) : ?>
			<div class="notice notice-error"><p><?php esc_html_e( 'The plugin’s built files are missing: run integrations/wordpress/build.sh.', 'banditore' ); ?></p></div>
		<?php endif; ?>
		<?php if ( 'saved' === $status ) : ?>
			<div class="notice notice-success is-dismissible"><p><?php esc_html_e( 'Profile saved.', 'banditore' ); ?></p></div>
		<?php elseif ( 'channel-saved' === $status ) : ?>
			<div class="notice notice-success is-dismissible"><p><?php esc_html_e( 'Settings saved.', 'banditore' ); ?></p></div>
		<?php endif; ?>

		<div class="banditore-columns">
			<section class="banditore-profile" aria-labelledby="banditore-profile-title">
				<h2 id="banditore-profile-title"><?php esc_html_e( 'The comune’s profile', 'banditore' ); ?></h2>
				<p><?php esc_html_e( 'The profile describes the comune’s channel policy, its privacy notice and its channels (a JSON file, see pkg-config/ in the Banditore project). Upload it or paste it: it is checked before it is saved.', 'banditore' ); ?></p>
				<form id="banditore-profile-form" method="post" enctype="multipart/form-data" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>" novalidate>
					<input type="hidden" name="action" value="banditore_save_profile">
					<?php wp_nonce_field( 'banditore_save_profile' ); ?>
					<input type="hidden" name="banditore_validated" id="banditore-profile-validated" value="">
					<noscript><p class="notice notice-warning"><?php esc_html_e( 'The profile is checked in the browser before it is saved: enable JavaScript to save it.', 'banditore' ); ?></p></noscript>
					<p>
						<label for="banditore-profile-file"><?php esc_html_e( 'Upload the profile file (.json)', 'banditore' ); ?></label><br>
						<input type="file" id="banditore-profile-file" name="profile_file" accept=".json,application/json">
					</p>
					<p>
						<label for="banditore-profile-json"><?php esc_html_e( 'Or paste the profile (JSON)', 'banditore' ); ?></label><br>
						<textarea id="banditore-profile-json" name="profile" rows="18" class="large-text code" spellcheck="false" aria-describedby="banditore-profile-status"><?php echo esc_textarea( $json ); ?></textarea>
					</p>
					<div id="banditore-profile-status" class="banditore-status" role="status" aria-live="polite"></div>
					<div id="banditore-profile-errors" class="banditore-errors" tabindex="-1"<?php echo $problems ? '' : ' hidden'; ?>>
						<?php if ( $problems ) : ?>
							<p><strong><?php esc_html_e( 'The profile was not saved. Fix these fields:', 'banditore' ); ?></strong></p>
							<ul>
								<?php foreach ( $problems as $p ) : ?>
									<li><code class="banditore-field"><?php echo esc_html( $p['path'] ); ?></code> <?php echo esc_html( $p['message'] ); ?></li>
								<?php endforeach; ?>
							</ul>
						<?php endif; ?>
					</div>
					<?php submit_button( __( 'Save profile', 'banditore' ), 'primary', 'banditore_submit', true, array( 'id' => 'banditore-profile-submit' ) ); ?>
				</form>
			</section>
			<section class="banditore-preview" aria-labelledby="banditore-preview-title">
				<h2 id="banditore-preview-title"><?php esc_html_e( 'Preview', 'banditore' ); ?></h2>
				<p class="description"><?php esc_html_e( 'What visitors see, with the profile above (before it is saved too).', 'banditore' ); ?></p>
				<div id="banditore-preview-box">
					<?php if ( '' !== $json ) : ?>
						<banditore-iscrizione profile="<?php echo esc_attr( banditore_profile_url() ); ?>" lang="<?php echo esc_attr( banditore_default_lang() ); ?>" heading-level="3"></banditore-iscrizione>
					<?php endif; ?>
				</div>
			</section>
		</div>

		<section aria-labelledby="banditore-channel-title">
			<h2 id="banditore-channel-title"><?php esc_html_e( 'Messages for the channel', 'banditore' ); ?></h2>
			<p><?php esc_html_e( 'The checker runs in the editor only on the posts written as messages for the channel: those of the post types or categories chosen here. A category whose slug is a category id of the profile (for example servizi-viabilita) gives the message its category for the checker; the post’s scheduled date is the sending time.', 'banditore' ); ?></p>
			<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
				<input type="hidden" name="action" value="banditore_save_channel">
				<?php wp_nonce_field( 'banditore_save_channel' ); ?>
				<fieldset>
					<legend><?php esc_html_e( 'Post types that are always messages for the channel', 'banditore' ); ?></legend>
					<?php foreach ( get_post_types( array( 'show_ui' => true ), 'objects' ) as $type ) : ?>
						<?php if ( in_array( $type->name, array( 'attachment', 'wp_block', 'wp_navigation' ), true ) ) { continue; } ?>
						<label><input type="checkbox" name="post_types[]" value="<?php echo esc_attr( $type->name ); ?>" <?php checked( in_array( $type->name, $channel['post_types'], true ) ); ?>> <?php echo esc_html( $type->labels->singular_name ); ?></label><br>
					<?php endforeach; ?>
				</fieldset>
				<fieldset>
					<legend><?php esc_html_e( 'Categories that mark a post as a message for the channel', 'banditore' ); ?></legend>
					<?php foreach ( get_categories( array( 'hide_empty' => false ) ) as $cat ) : ?>
						<label><input type="checkbox" name="categories[]" value="<?php echo esc_attr( (string) $cat->term_id ); ?>" <?php checked( in_array( (int) $cat->term_id, $channel['categories'], true ) ); ?>> <?php echo esc_html( $cat->name ); ?></label><br>
					<?php endforeach; ?>
				</fieldset>
				<?php submit_button( __( 'Save settings', 'banditore' ), 'secondary', 'banditore_submit', true, array( 'id' => 'banditore-channel-submit' ) ); ?>
			</form>
		</section>
	</div>
	<?php
}

function banditore_settings_redirect( string $status ): void {
	wp_safe_redirect( add_query_arg( array( 'page' => BANDITORE_PAGE, 'banditore' => $status ), admin_url( 'options-general.php' ) ) );
	exit;
}

function banditore_save_profile(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change the Banditore settings.', 'banditore' ), 403 );
	}
	check_admin_referer( 'banditore_save_profile' );
	$json = '';
	// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- JSON text, checked below and never printed as HTML.
	if ( ! empty( $_FILES['profile_file']['tmp_name'] ) && is_uploaded_file( $_FILES['profile_file']['tmp_name'] ) ) {
		if ( (int) $_FILES['profile_file']['size'] <= BANDITORE_PROFILE_MAX_BYTES ) {
			$json = (string) file_get_contents( $_FILES['profile_file']['tmp_name'] );
		} else {
			$json = str_repeat( ' ', BANDITORE_PROFILE_MAX_BYTES + 1 );
		}
	} elseif ( isset( $_POST['profile'] ) ) {
		$json = wp_unslash( $_POST['profile'] );
	}
	// phpcs:enable
	$json = preg_replace( '/^\xEF\xBB\xBF/', '', $json ); // A BOM from Windows editors.
	// A form sends a textarea's line ends as CRLF. JSON strings cannot hold a raw line end, so
	// only whitespace between tokens changes: the profile is stored as the file had it.
	$json     = str_replace( "\r\n", "\n", $json );
	$problems = banditore_profile_problems( $json );
	// The browser's WASM validator is the authoritative one: the page sends the size of the text
	// it validated. A submission without it (no JavaScript, a forged request) or for another text
	// is refused, so what is stored is what the validator saw (see includes/profile.php).
	$validated = isset( $_POST['banditore_validated'] ) ? (int) $_POST['banditore_validated'] : -1; // phpcs:ignore WordPress.Security.NonceVerification.Missing -- checked above.
	if ( ! $problems && strlen( $json ) !== $validated ) {
		$problems[] = array( 'path' => '$', 'message' => __( 'The profile was not checked by the validator in the browser: save it from this page with JavaScript enabled.', 'banditore' ) );
	}
	if ( $problems ) {
		set_transient( banditore_flash_key(), $problems, 300 );
		banditore_settings_redirect( 'refused' );
	}
	update_option( BANDITORE_OPTION_PROFILE, $json, true );
	banditore_settings_redirect( 'saved' );
}

function banditore_save_channel(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change the Banditore settings.', 'banditore' ), 403 );
	}
	check_admin_referer( 'banditore_save_channel' );
	$types = array_map( 'sanitize_key', (array) wp_unslash( $_POST['post_types'] ?? array() ) );
	$cats  = array_map( 'intval', (array) wp_unslash( $_POST['categories'] ?? array() ) );
	update_option(
		BANDITORE_OPTION_CHANNEL,
		array(
			'post_types' => array_values( array_filter( $types, 'post_type_exists' ) ),
			'categories' => array_values( array_filter( $cats, static fn( $id ) => $id > 0 && term_exists( $id, 'category' ) ) ),
		)
	);
	banditore_settings_redirect( 'channel-saved' );
}
