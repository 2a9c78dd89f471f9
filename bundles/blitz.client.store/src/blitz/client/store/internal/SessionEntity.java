// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import blitz.model.Session;
import blitz.model.SessionSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "session")
public class SessionEntity implements StoredEntity<Session> {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "session_ids")
    @TableGenerator(name = "session_ids", table = Schema.SEQUENCE_TABLE, pkColumnName = Schema.SEQUENCE_NAME,
            valueColumnName = Schema.SEQUENCE_COUNT, pkColumnValue = "session", allocationSize = 50)
    private Long id;
    @Column(name = "ref_id")
    private long refId;
    private boolean available;
    private long timeStarted;
    private Long timeStopped;
    private long numberOfReadings;
    /** Message count the runtime confirmed for a verified download, {@code null} when not verified. */
    private Long verifiedCount;

    public SessionEntity() {
    }

    SessionEntity(Session session) {
        refId = session.refId();
        available = session.available();
        timeStarted = session.timeStarted();
        timeStopped = session.timeStopped();
        numberOfReadings = session.numberOfReadings();
    }

    /** Takes the runtime's view of the session; availability is the caller's business. */
    void update(SessionSummary summary) {
        refId = summary.id();
        timeStarted = summary.start();
        timeStopped = summary.end().isPresent() ? summary.end().getAsLong() : null;
        numberOfReadings = summary.count();
    }

    void setAvailable(boolean newAvailable) {
        available = newAvailable;
    }

    void setVerifiedCount(Long count) {
        verifiedCount = count;
    }

    @Override
    public Session toRecord() {
        return new Session(id, refId, available, timeStarted, timeStopped, numberOfReadings);
    }
}
