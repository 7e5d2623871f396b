package io.banksuite.local;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the suite as the launcher starts it.
 *
 * @param name     the module name, which is also the name of its runnable jar
 * @param port     the HTTP port
 * @param database the PostgreSQL database it connects to, or null
 * @param kafka    whether it talks to Kafka and the schema registry
 * @param rabbit     whether it talks to RabbitMQ
 * @param clickHouse whether it keeps its data in ClickHouse
 * @param args       extra Spring Boot arguments (--key=value)
 */
public record ServiceSpec(String name, int port, String database, boolean kafka, boolean rabbit, boolean clickHouse,
                          List<String> args) {

    public Path jar(Path suiteRoot) {
        return suiteRoot.resolve(name).resolve("target").resolve(name + ".jar");
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, database, kafka, rabbit, clickHouse, args);
    }

    /** The same service on another database; one without a database stays without. */
    public ServiceSpec withDatabase(String newDatabase) {
        return new ServiceSpec(name, port, database == null ? null : newDatabase, kafka, rabbit, clickHouse, args);
    }

    public ServiceSpec withArgs(List<String> more) {
        return new ServiceSpec(name, port, database, kafka, rabbit, clickHouse,
                java.util.stream.Stream.concat(args.stream(), more.stream()).toList());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
