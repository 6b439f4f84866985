package io.tenantry.devserver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code mvn -Prun} takes from the environment. Everything it keeps lives under DATA_DIR, so
 * two development servers with different DATA_DIRs on one machine share nothing: the database,
 * the password file and, unless FILES_ROOT says otherwise, the tenants' files.
 */
record DevSettings(Path dataDir, Path filesRoot, String port, String domain, String heap, String adminUsername,
        Optional<String> adminPassword, Optional<String> databaseUrl) {

    /** Reads {@code env}; {@code home} is where DATA_DIR defaults to ({@code home/.tenantry}). */
    static DevSettings of(Map<String, String> env, Path home) {
        Path dataDir = given(env, "DATA_DIR").map(Path::of).orElse(home.resolve(".tenantry")).toAbsolutePath();
        return new DevSettings(dataDir,
                given(env, "FILES_ROOT").map(Path::of).orElse(dataDir.resolve("files")).toAbsolutePath(),
                given(env, "HTTP_PORT").orElse("8080"), given(env, "TENANTS_DOMAIN").orElse("localhost"),
                heap(given(env, "JAVA_HEAP").orElse("512m")), given(env, "ADMIN_USERNAME").orElse("admin"),
                given(env, "ADMIN_PASSWORD"), given(env, "DB_URL"));
    }

    /**
     * The options Payara Micro's JVM starts with (MALLOC_ARENA_MAX goes in its environment): the serial collector
     * (docs/deploy.md, "Resident memory"), and the whole heap from the start ({@code -Xms} as {@code -Xmx}), since
     * that collector grows its old generation only in a full collection: started at the JVM's default first heap
     * (a 64th of the machine's memory), a server with a 1 GiB heap reading over a fleet of 10,000 tenants filled
     * its old generation (256 MiB on a 24 GiB machine) and stopped for 377–763 ms within 13 minutes of its start
     * (bench/README.md, "A whole heap from the start").
     */
    List<String> jvmOptions() {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC");
    }

    Path databaseDir() {
        return dataDir.resolve("postgres");
    }

    Path passwordFile() {
        return dataDir.resolve("admin-password");
    }

    /**
     * @param setting JAVA_HEAP's text
     * @return it without surrounding blanks, if it is a size the JVM's {@code -Xms} and {@code -Xmx} take: a whole
     *     number above zero of up to nine digits with k, m or g (either case); a bare number (bytes) is refused, as a
     *     heap that small could not start the server
     * @throws IllegalArgumentException naming JAVA_HEAP otherwise (it lands in two options of the server's command)
     */
    private static String heap(String setting) {
        String size = setting.strip();
        if (!size.matches("[1-9][0-9]{0,8}[kKmMgG]")) {
            throw new IllegalArgumentException("JAVA_HEAP is '" + setting + "', not a heap size such as 512m or 1g"
                    + " (a whole number with k, m or g): Payara Micro's -Xms and -Xmx");
        }
        return size;
    }

    private static Optional<String> given(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
