# Sourced by Tomcat's catalina.sh. Gatehouse's settings come from the environment (README, Configuration);
# the WAR reads GATEHOUSE_DB_URL, GATEHOUSE_DB_USER and GATEHOUSE_DB_PASSWORD itself.
CATALINA_OPTS="$CATALINA_OPTS -Dgatehouse.address=${GATEHOUSE_ADDRESS:-0.0.0.0} -Dgatehouse.port=${GATEHOUSE_PORT:-8080}"
# GATEHOUSE_TRUSTED_PROXIES is a regular expression (127\.0\.0\.1|10\.0\.0\.2): quoted, as catalina.sh evals these.
CATALINA_OPTS="$CATALINA_OPTS -Dgatehouse.trusted.proxies='${GATEHOUSE_TRUSTED_PROXIES:-}'"
