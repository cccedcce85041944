<?php
/**
 * Plugin Name:       Banditore
 * Description:       The comune's WhatsApp/Telegram channel as its policy and the law require: the subscription widget (block and shortcode) with the GDPR notice and consent, and the pre-send checker in the block editor and the classic editor.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * Author:            Banditore
 * License:           EUPL-1.2 OR GPL-2.0-or-later
 * License URI:       https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12
 * Text Domain:       banditore
 * Domain Path:       /languages
 *
 * @package Banditore
 */

// Dual-licensed, at the licensee's choice: EUPL-1.2 (the project's licence) or GPL-2.0-or-later
// (WordPress's, https://www.gnu.org/licenses/gpl-2.0.html), because GNU's list, which the
// WordPress.org directory follows, does not count EUPL-1.2 alone as GPL-compatible: see README.md.

defined( 'ABSPATH' ) || exit;

const BANDITORE_VERSION = '0.1.0';
define( 'BANDITORE_FILE', __FILE__ );
define( 'BANDITORE_DIR', __DIR__ );

require_once __DIR__ . '/includes/profile.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/rest.php';
require_once __DIR__ . '/includes/widget.php';
require_once __DIR__ . '/includes/channel.php';
require_once __DIR__ . '/includes/block-editor.php';
require_once __DIR__ . '/includes/classic-editor.php';

// Before anything else on init: the block's and the scripts' strings are translated there.
add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'banditore', false, dirname( plugin_basename( BANDITORE_FILE ) ) . '/languages' );
	},
	0
);
