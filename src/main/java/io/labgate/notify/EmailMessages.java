package io.labgate.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The subject and plain-text body of a notification mail, Korean first and then English, rendered from the
 * outbox row's payload when the mail is sent. A mail names the event and links to the LabGate API resource
 * ({@code labgate.notify.mail.link-base-url}); it never carries a secret, a token or a presigned URL (the payload
 * holds none: ids, names, the project title and the grant's end).
 */
@ApplicationScoped
public class EmailMessages {

    /** A rendered mail. */
    public record Message(String subject, String text) {}

    @Inject
    ObjectMapper json;

    @Inject
    NotifyConfig config;

    public Message render(String eventType, String payloadJson, String recipientName) {
        JsonNode p;
        try {
            p = json.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox payload is not JSON", e);
        }
        String org = text(p, "organizationName", text(p, "organizationId", "?"));
        String project = text(p, "projectTitle", text(p, "requestId", "?"));
        String dataset =
                text(p, "datasetCode", "?") + (p.hasNonNull("versionLabel") ? " " + text(p, "versionLabel", "") : "");
        String until = text(p, "validUntil", "?");
        String request = link("/api/v1/access-requests/", p, "requestId");
        String grant = link("/api/v1/grants/", p, "grantId");
        String attestation = link("/api/v1/attestations/", p, "attestationId");
        String dueAt = text(p, "dueAt", "?");
        String subject;
        String ko;
        String en;
        switch (NotificationEventType.valueOf(eventType)) {
            case REQUEST_SUBMITTED -> {
                subject = "접근 신청 접수 / Access request submitted";
                ko = org + "의 접근 신청 \"" + project + "\"이(가) 접수되었습니다.\n신청: " + request;
                en = org + " submitted the access request \"" + project + "\".\nRequest: " + request;
            }
            case CONSENT_NEEDED -> {
                subject = "데이터 제공 동의 요청 / Consent needed";
                ko = org + "이(가) 귀 기관이 제공한 데이터셋의 이용을 신청했습니다 (\"" + project + "\").\n"
                        + "LabGate에서 동의 여부를 결정해 주세요.\n신청: " + request;
                en = org + " asks to use a dataset your organization provides (\"" + project + "\").\n"
                        + "Please grant or refuse your consent in LabGate.\nRequest: " + request;
            }
            case REQUEST_DECIDED -> {
                boolean approved = "APPROVED".equals(text(p, "what", ""));
                subject = approved ? "접근 신청 승인 / Access request approved" : "접근 신청 거절 / Access request rejected";
                ko = "접근 신청 \"" + project + "\"이(가) " + (approved ? "승인" : "거절") + "되었습니다.\n신청: " + request;
                en = "The access request \"" + project + "\" was " + (approved ? "approved" : "rejected")
                        + ".\nRequest: " + request;
            }
            case GRANT_EXPIRING -> {
                subject = "접근 권한 만료 예정 / Grant expiring";
                ko = "데이터셋 " + dataset + "에 대한 " + org + "의 접근 권한이 " + until + " (UTC)에 만료됩니다.\n"
                        + "계속 이용하려면 운영자에게 연장을 요청하세요.\n권한: " + grant;
                en = org + "'s access to the dataset " + dataset + " ends at " + until + " (UTC).\n"
                        + "Ask the lab operators for an extension to keep using it.\nGrant: " + grant;
            }
            case GRANT_REVOKED -> {
                subject = "접근 권한 철회 / Grant revoked";
                ko = "데이터셋 " + dataset + "에 대한 " + org + "의 접근 권한이 철회되었습니다. 더 이상 데이터에 " + "접근할 수 없습니다.\n권한: " + grant;
                en = org + "'s access to the dataset " + dataset + " was revoked; the data can no longer be "
                        + "read.\nGrant: " + grant;
            }
            case ATTESTATION_DUE_SOON -> {
                subject = "데이터 파기 확인서 제출 기한 임박 / Destruction attestation due soon";
                ko = "데이터셋 " + dataset + "에 대한 " + org + "의 접근 권한이 종료되었습니다. 보유한 사본을 모두 파기하고 " + dueAt
                        + " (UTC)까지 파기 확인서를 제출해 주세요.\n확인서: " + attestation;
                en = org + "'s access to the dataset " + dataset + " has ended. Destroy every copy and submit the "
                        + "destruction attestation by " + dueAt + " (UTC).\nAttestation: " + attestation;
            }
            case ATTESTATION_OVERDUE -> {
                subject = "데이터 파기 확인서 제출 기한 경과 / Destruction attestation overdue";
                ko = "데이터셋 " + dataset + "에 대한 " + org + "의 파기 확인서 제출 기한(" + dueAt + " UTC)이 지났습니다. "
                        + "확인서를 제출할 때까지 새 접근 신청은 거절됩니다.\n확인서: " + attestation;
                en = "The destruction attestation of " + org + " for the dataset " + dataset + " was due at " + dueAt
                        + " (UTC). New access requests are refused until it is submitted.\nAttestation: "
                        + attestation;
            }
            default -> throw new IllegalStateException("no mail for " + eventType);
        }
        String greeting = recipientName == null || recipientName.isBlank()
                ? "안녕하세요. / Hello,"
                : recipientName.strip() + "님, 안녕하세요. / Dear " + recipientName.strip() + ",";
        String body = greeting + "\n\n" + ko + "\n\n" + en + "\n\n-- \n"
                + "LabGate 실증랩 자동 알림입니다. 이 메일에 회신하지 마세요.\n"
                + "An automatic notification of the LabGate lab; please do not reply.\n"
                + "Event: " + eventType + " · " + text(p, "occurredAt", "") + "\n";
        return new Message("[LabGate] " + subject, body);
    }

    private String link(String path, JsonNode payload, String field) {
        String base = config.mail().linkBaseUrl();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return payload.hasNonNull(field) ? base + path + payload.get(field).asText() : "-";
    }

    private static String text(JsonNode payload, String field, String otherwise) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }
}
