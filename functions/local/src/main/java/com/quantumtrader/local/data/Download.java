package com.quantumtrader.local.data;

import java.io.PrintWriter;
import java.time.Clock;

/** Downloads every symbol of a request, one after the other, and says what each file holds and lacks. */
final class Download {

    private static final int GAPS_SHOWN = 20;

    private final BinancePublicApi api;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;
    private final KlineDownload.Source source;

    Download(BinancePublicApi api, Clock clock, PrintWriter out, PrintWriter err, KlineDownload.Source source) {
        this.api = api;
        this.source = source;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** @return the exit code: 0, or the worst of the symbols that failed (each failure named) */
    int run(DownloadRequest request) {
        out.printf("Downloading %s %s klines, bars opening %s to closing %s, from %s into %s%s%n",
                String.join(",", request.symbols()), request.interval().binanceName(), request.from(), request.to(),
                source instanceof ArchiveKlines ? "the data archive" : request.baseUrl(),
                request.out().toAbsolutePath(), request.funding() ? ", with funding rates" : "");
        out.flush();
        int exit = 0;
        for (String symbol : request.symbols()) {
            try {
                report(new KlineDownload(api, clock, out, source).run(request, symbol));
                if (request.funding()) {
                    report(new FundingDownload(api, clock, out).run(request, symbol));
                }
            } catch (DownloadException e) {
                err.println(symbol + ": " + e.getMessage());
                err.flush();
                exit = Math.max(exit, e.exitCode());
            } catch (java.io.UncheckedIOException e) {
                err.println(symbol + ": " + e.getMessage() + ": " + e.getCause().getMessage());
                err.flush();
                exit = Math.max(exit, DownloadCommand.EXIT_FAILURE);
            }
        }
        out.printf("%d requests%s%n", api.requests(), exit == 0 ? "" : "; some symbols failed (see above), run the "
                + "same command again to resume them");
        out.flush();
        return exit;
    }

    private void report(KlineDownload.Result result) {
        Gaps.Scan scan = result.scan();
        out.printf("%s: %d bars in %s (%d new, %d expected), %s%n", result.symbol(), scan.bars(),
                result.file().toAbsolutePath(), result.written(), result.expected(),
                scan.gaps().isEmpty() ? "no gaps" : scan.gaps().size() + " gaps, " + scan.missingBars()
                        + " bars missing (not invented)");
        scan.gaps().stream().limit(GAPS_SHOWN).forEach(gap -> out.printf("  gap: %d bars missing, opening %s to %s%n",
                gap.missingBars(), gap.firstMissing(), gap.lastMissing()));
        if (scan.gaps().size() > GAPS_SHOWN) {
            out.printf("  ... %d more gaps in the .gaps.txt file%n", scan.gaps().size() - GAPS_SHOWN);
        }
        out.flush();
    }

    private void report(FundingDownload.Result result) {
        out.printf("%s: %d funding rates in %s (%d new)%s%n", result.symbol(), result.total(),
                result.file().toAbsolutePath(), result.written(), result.firstTime() == null ? ""
                        : ", " + result.firstTime() + " to " + result.lastTime());
        out.flush();
    }
}
