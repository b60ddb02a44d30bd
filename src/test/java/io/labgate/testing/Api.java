package io.labgate.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request builders for tests: as a demo user, or with no token at all. */
public final class Api {

    private Api() {}

    public static RequestSpecification as(String username) {
        return given().auth()
                .oauth2(Tokens.of(username))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
