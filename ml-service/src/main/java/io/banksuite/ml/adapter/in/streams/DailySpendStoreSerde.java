package io.banksuite.ml.adapter.in.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import io.banksuite.ml.domain.DailySpend;
import io.banksuite.ml.domain.DailyTally;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state store's values, in its changelog too: a format byte, then client id, epoch day, currency, total, count
 * and that many event ids. A format of its own rather than Avro: the store is private to the stream, and reading it back must not
 * depend on the registry being up while the store is restored.
 */
final class DailySpendStoreSerde implements Serde<DailyTally> {

    private static final byte FORMAT_1 = 1;

    @Override
    public Serializer<DailyTally> serializer() {
        return (topic, spend) -> spend == null ? null : write(spend);
    }

    @Override
    public Deserializer<DailyTally> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(DailyTally tally) {
        DailySpend spend = tally.spend();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 40 * tally.eventIds().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            out.writeUTF(spend.clientId());
            out.writeLong(spend.day().toEpochDay());
            out.writeUTF(spend.currency());
            out.writeLong(spend.totalMinor());
            out.writeLong(spend.count());
            for (String eventId : tally.eventIds()) {
                out.writeUTF(eventId);
            }
        } catch (IOException e) {
            throw new SerializationException("Cannot write the daily spend of " + spend.clientId(), e);
        }
        return bytes.toByteArray();
    }

    static DailyTally read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_1) {
                throw new SerializationException("Unknown daily-spend store format " + format);
            }
            DailySpend spend = new DailySpend(in.readUTF(), LocalDate.ofEpochDay(in.readLong()), in.readUTF(),
                    in.readLong(), in.readLong());
            Set<String> eventIds = new LinkedHashSet<>();
            for (long i = 0; i < spend.count(); i++) {
                eventIds.add(in.readUTF());
            }
            return new DailyTally(spend, eventIds);
        } catch (IOException e) {
            throw new SerializationException("Cannot read a daily spend from the store", e);
        }
    }
}
