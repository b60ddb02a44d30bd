package io.labgate.reference;

import static io.labgate.testing.Api.anonymous;
import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Industries and AI technologies behave alike; every test runs against both lists. */
@QuarkusTest
class ReferenceDataResourceTest {

    private static final String INDUSTRIES = "/api/v1/industries";
    private static final String AI_TECHNOLOGIES = "/api/v1/ai-technologies";

    static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static Map<String, Object> entry(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Smart farming " + code);
        body.put("nameKo", "스마트팜");
        body.put("description", "Greenhouse sensor data");
        return body;
    }

    private static Response create(String list, Map<String, Object> body) {
        return as(Tokens.OPERATOR).body(body).post(list);
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void operatorRegistersAnEntryEveryoneReads(String list) {
        String code = uniqueCode("FARM-");
        create(list, entry(code))
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(list + "/" + code))
                .header("ETag", "\"0\"")
                .body("code", equalTo(code))
                .body("name", equalTo("Smart farming " + code))
                .body("nameKo", equalTo("스마트팜"))
                .body("description", equalTo("Greenhouse sensor data"))
                .body("version", equalTo(0));

        for (String user : List.of(Tokens.OPERATOR, Tokens.AUDITOR, Tokens.ALICE, Tokens.CAROL)) {
            as(user).get(list + "/" + code)
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"0\"")
                    .body("code", equalTo(code))
                    .body("createdAt", notNullValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void koreanNameAndDescriptionAreOptional(String list) {
        String code = uniqueCode("MIN_");
        create(list, Map.of("code", code, "name", "Minimal"))
                .then()
                .statusCode(201)
                .body("nameKo", nullValue())
                .body("description", nullValue());
    }

    @Test
    void theTwoListsAreSeparate() {
        String code = uniqueCode("ONLY");
        create(INDUSTRIES, entry(code)).then().statusCode(201);
        as(Tokens.OPERATOR)
                .get(AI_TECHNOLOGIES + "/" + code)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // the same code may name an AI technology too
        create(AI_TECHNOLOGIES, entry(code)).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void listIsSortedByCodeAndPaged(String list) {
        String prefix = uniqueCode("S");
        for (String suffix : List.of("B", "C", "A")) {
            create(list, entry(prefix + suffix)).then().statusCode(201);
        }
        List<String> codes = allCodes(list, Tokens.ALICE);
        assertThat(codes)
                .isSorted()
                .doesNotHaveDuplicates()
                .containsSubsequence(prefix + "A", prefix + "B", prefix + "C");

        long total = as(Tokens.CAROL)
                .get(list + "?size=1")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .extract()
                .<Integer>path("totalItems");
        assertThat(total).isEqualTo(codes.size());
        as(Tokens.AUDITOR)
                .get(list + "?size=1&page=" + (total - 1))
                .then()
                .statusCode(200)
                .body("items[0].code", equalTo(codes.get(codes.size() - 1)));
        as(Tokens.AUDITOR)
                .get(list + "?size=1&page=" + total)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("page"));

        List<String> descending = as(Tokens.AUDITOR)
                .get(list + "?size=100&sort=code,desc")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        assertThat(descending.get(0)).isEqualTo(codes.get(codes.size() - 1));
        as(Tokens.AUDITOR).get(list + "?sort=name").then().statusCode(200);
        as(Tokens.AUDITOR).get(list + "?sort=version").then().statusCode(400).body("violations.field", hasItem("sort"));
        as(Tokens.AUDITOR).get(list + "?size=0").then().statusCode(400).body("violations.field", hasItem("size"));
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void duplicateCodeIsAConflict(String list) {
        String code = uniqueCode("DUP");
        create(list, entry(code)).then().statusCode(201);
        create(list, entry(code))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:conflict"))
                .body("detail", org.hamcrest.Matchers.containsString(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void eachInvalidFieldIsNamed(String list) {
        for (String badCode : List.of("farm", "1FARM", "F", "FARM ING", "F".repeat(33), "FARM.ING", "")) {
            Map<String, Object> body = entry("X");
            body.put("code", badCode);
            create(list, body)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("code"));
        }
        Map<String, Object> body = entry(uniqueCode("BAD"));
        body.put("name", "");
        body.put("nameKo", "가".repeat(201));
        body.put("description", "d".repeat(2001));
        create(list, body)
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("description", "name", "nameKo"));

        Map<String, Object> unknown = entry(uniqueCode("UNK"));
        unknown.put("version", 3);
        create(list, unknown).then().statusCode(400).body("violations.field", hasItem("version"));
        Map<String, Object> missing = entry(uniqueCode("MIS"));
        missing.remove("code");
        create(list, missing).then().statusCode(400).body("violations.field", hasItem("code"));
        // the longest code the pattern allows is fine
        create(list, entry("L" + uniqueCode("").repeat(4).substring(0, 31)))
                .then()
                .statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void updatesNeedTheCurrentETag(String list) {
        String code = uniqueCode("UPD");
        create(list, entry(code)).then().statusCode(201);
        Map<String, Object> change = entry(code);
        change.put("name", "Renamed");
        change.put("nameKo", "이름 변경");
        change.remove("description");

        as(Tokens.OPERATOR)
                .body(change)
                .put(list + "/" + code)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(change)
                .put(list + "/" + code)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Renamed"))
                .body("nameKo", equalTo("이름 변경"))
                .body("description", nullValue());
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(entry(code))
                .put(list + "/" + code)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(Tokens.ALICE).get(list + "/" + code).then().header("ETag", "\"1\"").body("name", equalTo("Renamed"));

        // the code is the identity
        as(Tokens.OPERATOR)
                .header("If-Match", "\"1\"")
                .body(entry(uniqueCode("OTHER")))
                .put(list + "/" + code)
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("code")));
        String unknown = uniqueCode("NONE");
        as(Tokens.OPERATOR)
                .header("If-Match", "\"0\"")
                .body(entry(unknown))
                .put(list + "/" + unknown)
                .then()
                .statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void unknownCodeIsNotFound(String list) {
        as(Tokens.ALICE)
                .get(list + "/" + uniqueCode("NONE"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:labgate:problem:not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {INDUSTRIES, AI_TECHNOLOGIES})
    void onlyOperatorsWrite(String list) {
        String code = uniqueCode("ROLE");
        anonymous()
                .get(list)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        anonymous().get(list + "/" + code).then().statusCode(401);
        anonymous().body(entry(code)).post(list).then().statusCode(401);
        for (String user : List.of(Tokens.AUDITOR, Tokens.ALICE, Tokens.BOB, Tokens.CAROL, Tokens.DAVE)) {
            as(user).body(entry(code)).post(list).then().statusCode(403).contentType("application/problem+json");
        }
        create(list, entry(code)).then().statusCode(201);
        for (String user : List.of(Tokens.AUDITOR, Tokens.ALICE, Tokens.CAROL)) {
            as(user).header("If-Match", "\"0\"")
                    .body(entry(code))
                    .put(list + "/" + code)
                    .then()
                    .statusCode(403);
        }
        as(Tokens.AUDITOR).get(list + "/" + code).then().statusCode(200).header("ETag", "\"0\"");
    }

    private static List<String> allCodes(String list, String user) {
        List<String> codes = new ArrayList<>();
        int totalPages;
        int page = 0;
        do {
            Response response = as(user).get(list + "?size=100&page=" + page);
            response.then().statusCode(200);
            codes.addAll(response.path("items.code"));
            totalPages = response.path("totalPages");
            page++;
        } while (page < totalPages);
        return codes;
    }
}
