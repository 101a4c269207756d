package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --policy FILE} is parsed strictly: a duplicate key or trailing text exits 2 with one clear message. */
class PolicyFileStrictJsonTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = QuantumLocal.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** The shipped defaults as one-line JSON, so a test can splice a key into it. */
    private static String defaultsJson() {
        return EventJson.write(PolicyDefaults.load());
    }

    @Test
    void rejectsAPolicyFileWithADuplicateKeyWithExitCodeTwo() throws IOException {
        Path policy = dir.resolve("duplicate.json");
        Files.writeString(policy, defaultsJson().replaceFirst("\\{", "{\"risk_mode\":\"AGGRESSIVE\","));

        int code = run("paper", "--bars", "1", "--no-api", "--policy", policy.toString());

        assertThat(code).isEqualTo(PaperCommand.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("invalid policy").contains("Duplicate field 'risk_mode'");
    }

    @Test
    void rejectsAPolicyFileWithTrailingGarbageWithExitCodeTwo() throws IOException {
        Path policy = dir.resolve("trailing.json");
        Files.writeString(policy, defaultsJson() + "\n}  # edited by hand\n");

        int code = run("paper", "--bars", "1", "--no-api", "--policy", policy.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("invalid policy").contains("not valid JSON").contains("line 2");
    }
}
