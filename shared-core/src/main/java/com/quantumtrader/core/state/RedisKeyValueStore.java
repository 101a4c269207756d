package com.quantumtrader.core.state;

import com.quantumtrader.core.redis.LuaScript;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A domain's state in Redis. Every key is stored as {@code <domain id>:<key>}, so a domain owns its prefix and can
 * neither read nor overwrite another domain's keys. Hash fields come back in key order, as in the in-memory store.
 */
public final class RedisKeyValueStore implements KeyValueStore {

    /**
     * A batch of writes in one script, so Redis applies all of them or (the process or the connection gone before
     * the script arrives) none. One operation code per key in ARGV: S value | D | H field value | X field.
     */
    private static final LuaScript WRITE_ALL = new LuaScript("""
            local a = 1
            for k = 1, #KEYS do
              local op = ARGV[a]
              if op == 'S' then redis.call('SET', KEYS[k], ARGV[a + 1]); a = a + 2
              elseif op == 'D' then redis.call('DEL', KEYS[k]); a = a + 1
              elseif op == 'H' then redis.call('HSET', KEYS[k], ARGV[a + 1], ARGV[a + 2]); a = a + 3
              elseif op == 'X' then redis.call('HDEL', KEYS[k], ARGV[a + 1]); a = a + 2
              else return redis.error_reply('unknown write ' .. tostring(op)) end
            end
            return #KEYS
            """);

    private final RedisConnections connections;
    private final RedisCommands<String, String> redis;
    private final Domain domain;

    public RedisKeyValueStore(RedisConnections connections, Domain domain) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.redis = connections.connection().sync();
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** The server this store lives on, for stores that must live next to it (e.g. reservations). */
    public RedisConnections connections() {
        return connections;
    }

    /** The Redis key under which {@code domain} stores its relative {@code key}. */
    public static String redisKey(Domain domain, String key) {
        return domain.id() + ':' + KeyValueStores.requireKey(key);
    }

    public Domain domain() {
        return domain;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.get(redisKey(domain, key)));
    }

    @Override
    public void put(String key, String value) {
        redis.set(redisKey(domain, key), KeyValueStores.requireValue(value));
    }

    @Override
    public void delete(String key) {
        redis.del(redisKey(domain, key));
    }

    @Override
    public long increment(String key, long delta) {
        try {
            return redis.incrby(redisKey(domain, key), delta);
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().contains("not an integer")) {
                throw KeyValueStores.notAnInteger(key, e);
            }
            throw e;
        }
    }

    @Override
    public Map<String, String> hashGetAll(String key) {
        return new LinkedHashMap<>(new TreeMap<>(redis.hgetall(redisKey(domain, key))));
    }

    @Override
    public Optional<String> hashGet(String key, String field) {
        return Optional.ofNullable(redis.hget(redisKey(domain, key), KeyValueStores.requireField(field)));
    }

    @Override
    public void hashPut(String key, String field, String value) {
        redis.hset(redisKey(domain, key), KeyValueStores.requireField(field), KeyValueStores.requireValue(value));
    }

    @Override
    public void hashDelete(String key, String field) {
        redis.hdel(redisKey(domain, key), KeyValueStores.requireField(field));
    }

    @Override
    public void writeAtomically(List<StateWrite> writes) {
        List<StateWrite> checked = List.copyOf(writes);
        checked.forEach(StateWrite::validate);
        if (checked.isEmpty()) {
            return;
        }
        String[] keys = new String[checked.size()];
        List<String> args = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            StateWrite write = checked.get(i);
            keys[i] = redisKey(domain, write.key());
            if (write instanceof StateWrite.Put put) {
                args.add("S");
                args.add(text(put.value()));
            } else if (write instanceof StateWrite.Delete) {
                args.add("D");
            } else if (write instanceof StateWrite.HashPut put) {
                args.add("H");
                args.add(put.field());
                args.add(text(put.value()));
            } else if (write instanceof StateWrite.HashDelete delete) {
                args.add("X");
                args.add(delete.field());
            }
        }
        WRITE_ALL.<Long>run(redis, ScriptOutputType.INTEGER, keys, args.toArray(String[]::new));
    }

    private static String text(Object value) {
        return value instanceof String string ? string : EventJson.write(value);
    }
}
