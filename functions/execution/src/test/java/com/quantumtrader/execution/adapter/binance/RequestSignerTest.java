package com.quantumtrader.execution.adapter.binance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature against the worked examples of Binance's API documentation. */
class RequestSignerTest {

    @Test
    void signsTheUsdmFuturesDocumentationExample() {
        RequestSigner signer = new RequestSigner("2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9");

        String signature = signer.sign("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
                + "&recvWindow=5000&timestamp=1591702613943");

        assertThat(signature).isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }

    @Test
    void signsTheSpotDocumentationExample() {
        RequestSigner signer = new RequestSigner("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");

        String signature = signer.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559");

        assertThat(signature).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void neitherTheSignerNorTheCredentialsShowTheSecretWhenPrinted() {
        BinanceCredentials credentials = new BinanceCredentials("my-api-key-123", "my-secret-456");

        assertThat(credentials.toString()).doesNotContain("my-api-key-123").doesNotContain("my-secret-456");
        assertThat(new RequestSigner("my-secret-456").toString()).doesNotContain("my-secret-456");
    }
}
