# Sourced by Tomcat's catalina.sh. Gatehouse's settings come from the environment (README, Configuration);
# the WAR reads GATEHOUSE_DB_URL, GATEHOUSE_DB_USER and GATEHOUSE_DB_PASSWORD itself.
CATALINA_OPTS="$CATALINA_OPTS -Dgatehouse.address=${GATEHOUSE_ADDRESS:-0.0.0.0} -Dgatehouse.port=${GATEHOUSE_PORT:-8080}"
