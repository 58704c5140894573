package dev.logindoctor.probe;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.logindoctor.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The local registry: one JSON file ({@code {"items": [...]}}, the table's item shape) beside the
 * local diagnoses store. Every change is a read-modify-write under a file lock, written to a
 * temporary file and moved into place, so two CLI processes never interleave and a crash never
 * leaves half a file.
 */
public final class FileIntegrationRegistry implements IntegrationRegistry {
    public static final String FILE_NAME = "integrations.json";
    private static final TypeReference<Map<String, List<Map<String, Object>>>> SHAPE = new TypeReference<>() {
    };

    private final Path file;
    private final ReentrantLock inProcess = new ReentrantLock();

    public FileIntegrationRegistry(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The registry file beside a diagnoses store file ({@code ~/.login-doctor/diagnoses.jsonl} → {@code ~/.login-doctor/integrations.json}). */
    public static FileIntegrationRegistry besideStore(Path diagnosesStore) {
        Path parent = diagnosesStore.toAbsolutePath().getParent();
        return new FileIntegrationRegistry(parent.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    @Override
    public List<RegisteredIntegration> list() {
        return assemble(read());
    }

    @Override
    public Optional<RegisteredIntegration> find(String integrationId) {
        return list().stream().filter(r -> r.integration().id().equals(integrationId)).findFirst();
    }

    @Override
    public void put(Integration integration) {
        update(items -> {
            items.put(key(integration.id(), IntegrationItems.CONFIG), IntegrationItems.config(integration));
            return true;
        });
    }

    @Override
    public boolean remove(String integrationId) {
        return update(items -> {
            boolean existed = items.remove(key(integrationId, IntegrationItems.CONFIG)) != null;
            items.remove(key(integrationId, IntegrationItems.PROBE));
            items.remove(key(integrationId, IntegrationItems.RISKS));
            return existed;
        });
    }

    @Override
    public boolean recordProbe(ProbeRecord next) {
        return update(items -> {
            String key = key(next.integrationId(), IntegrationItems.PROBE);
            Map<String, Object> stored = items.get(key);
            long storedRevision = stored == null ? 0 : IntegrationItems.probeRecord(stored).revision();
            if (storedRevision != next.revision() - 1 || !items.containsKey(key(next.integrationId(), IntegrationItems.CONFIG))) {
                return false;
            }
            items.put(key, IntegrationItems.probe(next));
            return true;
        });
    }

    @Override
    public Optional<RiskRecord> risks(String integrationId) {
        return find(integrationId).map(RegisteredIntegration::risks);
    }

    @Override
    public void recordRisks(RiskRecord risks) {
        update(items -> {
            if (items.containsKey(key(risks.integrationId(), IntegrationItems.CONFIG))) {
                items.put(key(risks.integrationId(), IntegrationItems.RISKS), IntegrationItems.risks(risks));
            }
            return true;
        });
    }

    private static String key(String id, String sk) {
        return IntegrationItems.partitionKey(id) + "|" + sk;
    }

    static List<RegisteredIntegration> assemble(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> probes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> risks = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            if (IntegrationItems.isProbe(item)) {
                probes.put(String.valueOf(item.get("pk")), item);
            } else if (IntegrationItems.isRisks(item)) {
                risks.put(String.valueOf(item.get("pk")), item);
            }
        }
        List<RegisteredIntegration> all = new ArrayList<>();
        for (Map<String, Object> item : items) {
            if (IntegrationItems.isConfig(item)) {
                Map<String, Object> probe = probes.get(String.valueOf(item.get("pk")));
                Map<String, Object> risk = risks.get(String.valueOf(item.get("pk")));
                all.add(new RegisteredIntegration(IntegrationItems.integration(item),
                        probe == null ? null : IntegrationItems.probeRecord(probe), risk == null ? null : IntegrationItems.riskRecord(risk)));
            }
        }
        return all;
    }

    private <T> T update(Function<Map<String, Map<String, Object>>, T> change) {
        // The file lock keeps other processes out; this lock keeps this process's threads in line
        // (a JVM may hold a file's lock only once). Not synchronized: the probe writes from virtual threads.
        inProcess.lock();
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Map<String, Map<String, Object>> items = new LinkedHashMap<>();
                for (Map<String, Object> item : read()) {
                    items.put(item.get("pk") + "|" + item.get("sk"), item);
                }
                T result = change.apply(items);
                write(new ArrayList<>(items.values()));
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the local registry " + file, e);
        } finally {
            inProcess.unlock();
        }
    }

    private List<Map<String, Object>> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Map<String, List<Map<String, Object>>> root = Json.MAPPER.readValue(file.toFile(), SHAPE);
            List<Map<String, Object>> items = root == null ? null : root.get("items");
            return items == null ? List.of() : items;
        } catch (IOException e) {
            // Jackson's message can quote the file; the registry holds no secrets, but keep the message ours.
            throw new UncheckedIOException(new IOException("the local registry " + file + " is not a JSON object {\"items\": [...]}"));
        }
    }

    private void write(List<Map<String, Object>> items) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), Map.of("items", items));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
