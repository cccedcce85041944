#!/usr/bin/env bash
# Starts a throw-away WordPress for the tests, on loopback only, and prints its URL:
#   MariaDB on a Unix socket in a temp dir (no TCP port at all), WordPress copied from Debian's
#   /usr/share/wordpress with its own wp-config.php, PHP's built-in server on 127.0.0.1 at a free
#   port, the plugin linked into wp-content/plugins and activated, the site in Italian.
# Usage: start-wordpress.sh <state-dir>   (stop-wordpress.sh <state-dir> stops it and deletes it)
# Writes <state-dir>/url, <state-dir>/admin-password and the pids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plugin=$(cd "$here/../banditore" && pwd)
state=$1
mkdir -p "$state"
state=$(cd "$state" && pwd)
log="$state/log"
mkdir -p "$log"

# MariaDB: its own data dir and socket, networking off.
db="$state/db"
sock="$state/mysqld.sock"
mariadb-install-db --no-defaults --user=root --datadir="$db" --auth-root-authentication-method=normal \
  --skip-test-db >"$log/mariadb-install.log" 2>&1
mariadbd --no-defaults --user=root --datadir="$db" --socket="$sock" --skip-networking \
  --pid-file="$state/mysqld.pid" --log-error="$log/mariadb.log" --innodb-buffer-pool-size=32M \
  --skip-log-bin >/dev/null 2>&1 &
echo $! > "$state/mysqld.launcher.pid"
for _ in $(seq 1 100); do
  [ -S "$sock" ] && mariadb --no-defaults --socket="$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
  sleep 0.2
done
mariadb --no-defaults --socket="$sock" -uroot -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4"

# WordPress: a private copy (ABSPATH comes from where wp-load.php is, so no symlinks).
wp="$state/wp"
cp -rL /usr/share/wordpress "$wp"
rm -f "$wp/.htaccess"
# Italian only, of Debian's wordpress-l10n catalogues (the site and its admin are in Italian).
find "$wp/wp-content/languages" -type f ! -name '*it_IT*' -delete 2>/dev/null || true
ln -s "$plugin" "$wp/wp-content/plugins/banditore"
mkdir -p "$wp/wp-content/uploads" "$wp/wp-content/mu-plugins"
cp "$here/mu-plugin-test.php" "$wp/wp-content/mu-plugins/"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
url="http://127.0.0.1:$port"
salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }
cat > "$wp/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'AUTH_KEY', '$(salt)' );
define( 'SECURE_AUTH_KEY', '$(salt)' );
define( 'LOGGED_IN_KEY', '$(salt)' );
define( 'NONCE_KEY', '$(salt)' );
define( 'AUTH_SALT', '$(salt)' );
define( 'SECURE_AUTH_SALT', '$(salt)' );
define( 'LOGGED_IN_SALT', '$(salt)' );
define( 'NONCE_SALT', '$(salt)' );
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$log/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
\$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP

password=$(salt | head -c 20)
echo "$password" > "$state/admin-password"
WP_URL="$url" ADMIN_PASSWORD="$password" php "$here/install.php" "$wp" >"$log/install.log" 2>&1 || { cat "$log/install.log" >&2; exit 1; }

# PHP's server, several workers: the block editor sends requests in parallel. The port was free a
# moment ago; if another process took it meanwhile, try another one.
serve() {
  PHP_CLI_SERVER_WORKERS=4 php -d display_errors=0 -d memory_limit=256M -d upload_max_filesize=2M \
    -S "127.0.0.1:$port" -t "$wp" "$here/router.php" >"$log/php.log" 2>&1 &
  echo $! > "$state/php.pid"
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$url/wp-login.php" 2>/dev/null && return 0
    kill -0 "$(cat "$state/php.pid")" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}
for attempt in 1 2 3; do
  serve && break
  kill "$(cat "$state/php.pid")" 2>/dev/null || true
  [ "$attempt" = 3 ] && { echo "PHP's server did not start: $(tail -3 "$log/php.log")" >&2; exit 1; }
  port=$(free_port)
  url="http://127.0.0.1:$port"
  php -r '$c = file_get_contents($argv[1]); file_put_contents($argv[1], preg_replace("#http://127\\.0\\.0\\.1:\\d+#", $argv[2], $c));' "$wp/wp-config.php" "$url"
done
echo "$url" > "$state/url"
echo "$url"
