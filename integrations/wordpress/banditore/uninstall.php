<?php
/**
 * Deleting the plugin deletes what it stored: the profile and the channel settings. Posts and
 * their categories are the site's and stay.
 *
 * @package Banditore
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'banditore_profile' );
delete_option( 'banditore_channel' );
