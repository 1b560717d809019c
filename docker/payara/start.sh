#!/bin/sh
# Starts Payara Micro with Gatehouse as docker/Dockerfile.payara and the Payara stories do: the thin WAR at "/",
# preboot.asadmin, and the arguments given (the image gives none; the stories add their port and directories).
#
# One node (nothing set): no Hazelcast at all, sessions in memory, the quickest start.
# A node of a cluster (docs/decisions/024; README, "More than one node"), from the environment:
#   GATEHOUSE_CLUSTER_MEMBERS  every node's data-grid address, this one's included: host:port,host:port
#   GATEHOUSE_CLUSTER_ADDRESS  the address this node's data grid listens on (default 127.0.0.1)
#   GATEHOUSE_CLUSTER_PORT     this node's data-grid port (default 4000)
#   GATEHOUSE_NODE_NAME        this node's name, for Payara as for the session registry
# Then Hazelcast finds the members by TCP (Payara Micro's default, multicast, finds nothing on loopback or in most
# clouds), keeps a backup of each session on another member even on one host (--nohostaware), and cluster.asadmin
# turns session replication on.
# Also read: JAVA (default: java on the PATH), JAVA_OPTS, PAYARA_MICRO_JAR and PAYARA_DEPLOY, the WAR (defaults: the
# image's).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${GATEHOUSE_CLUSTER_MEMBERS:-}" ]; then
    address=${GATEHOUSE_CLUSTER_ADDRESS:-127.0.0.1}
    set -- --clustermode "tcpip:$GATEHOUSE_CLUSTER_MEMBERS" --interfaces "$address" \
        --startport "${GATEHOUSE_CLUSTER_PORT:-4000}" --nohostaware \
        ${GATEHOUSE_NODE_NAME:+--name "$GATEHOUSE_NODE_NAME"} \
        --postbootcommandfile "$here/cluster.asadmin" "$@"
    # Hazelcast listens on every interface unless told to keep to the one it was given.
    JAVA_OPTS="${JAVA_OPTS:-} -Dhazelcast.socket.bind.any=false"
else
    set -- --nohazelcast "$@"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "${JAVA:-java}" ${JAVA_OPTS:-} -jar "${PAYARA_MICRO_JAR:-/opt/payara/payara-micro.jar}" --disablephonehome \
    --prebootcommandfile "$here/preboot.asadmin" \
    --deploy "${PAYARA_DEPLOY:-/opt/payara/deployments/ROOT.war}" --contextroot / "$@"
