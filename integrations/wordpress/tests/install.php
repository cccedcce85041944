<?php
// Installs WordPress non-interactively (what wp-admin/install.php does), in Italian, then
// activates the plugin. Usage: WP_URL=... ADMIN_PASSWORD=... php install.php <wordpress dir>
$banditore_wp_dir = $argv[1];
$url = getenv( 'WP_URL' );
$parts = parse_url( $url );
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require $banditore_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
$result = wp_install( 'Comune di Prova', 'admin', 'admin@example.invalid', false, '', getenv( 'ADMIN_PASSWORD' ), 'it_IT' );
update_option( 'WPLANG', 'it_IT' );
update_option( 'timezone_string', 'Europe/Rome' );
// An editor (no manage_options) to check that only administrators change the profile.
wp_insert_user( array( 'user_login' => 'redattore', 'user_pass' => getenv( 'ADMIN_PASSWORD' ), 'role' => 'editor', 'user_email' => 'redattore@example.invalid' ) );
$activated = activate_plugin( 'banditore/banditore.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}
echo "installed: user {$result['user_id']}, plugin active\n";
