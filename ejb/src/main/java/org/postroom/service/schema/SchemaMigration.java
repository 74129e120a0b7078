package org.postroom.service.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date at deploy time, before anything else uses it. Flyway takes
 * a lock in the database, so that nodes of a cluster deploying at once migrate once.
 */
@Singleton
@Startup
@DependsOn("ProductionProfile")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/PostroomDS")
  DataSource dataSource;

  /** The database's folder under {@code db/vendor}: {@code postgresql} or {@code h2}. */
  private String vendor() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.startsWith("PostgreSQL") ? "postgresql" : "h2";
    } catch (SQLException e) {
      throw new IllegalStateException("The portal database cannot be reached", e);
    }
  }

  @PostConstruct
  void migrate() {
    MigrateResult result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            // common migrations, and per database those that need its own SQL (mail-server views)
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
