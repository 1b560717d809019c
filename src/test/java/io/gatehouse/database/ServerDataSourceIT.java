package io.gatehouse.database;

import io.gatehouse.testing.GatehouseIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a server that defines jdbc/gatehouse (mvn verify -Ptomcat, Tomcat 10.1), accounts go to that database. */
@EnabledIfSystemProperty(named = "gatehouse.it.jndi.database", matches = ".+")
class ServerDataSourceIT extends GatehouseIT {

    @Test
    void accountsGoToTheDatabaseTheServerDefines() {
        Path serverDatabase = Paths.get(System.getProperty("gatehouse.it.jndi.database") + ".mv.db");
        Path ownDefault = Paths.get(System.getProperty("gatehouse.it.tomcat.base"), "data");

        assertEquals(303, visitor().signUp(newUsername(), PASSWORD).status());

        assertTrue(Files.exists(serverDatabase), serverDatabase + " was not created");
        assertFalse(Files.exists(ownDefault), "the WAR opened its own default database in " + ownDefault);
    }
}
