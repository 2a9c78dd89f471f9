package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;

/** The hand-written metatype of each store describes exactly the properties its component reads. */
class StoreMetatypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "blitz.server.embedded;dataFolder fsync fsyncIntervalMs queueCapacity maxBatch bufferLimit",
            "blitz.server.redis;uri user .password caFile connectTimeoutMs commandTimeoutMs dataFolder bufferLimit queueCapacity maxBatch valuesPerPush retryIntervalMs" })
    void shouldDescribeEveryConfigurationProperty(String pid, String expectedIds) throws InterruptedException {
        ServiceTracker<MetaTypeService, MetaTypeService> tracker = new ServiceTracker<>(Stores.context(), MetaTypeService.class, null);
        tracker.open();
        try {
            MetaTypeService metatype = tracker.waitForService(10_000);
            assertNotNull(metatype, "MetaTypeService");
            Bundle bundle = Arrays.stream(Stores.context().getBundles())
                    .filter(candidate -> candidate.getSymbolicName().equals(pid)).findFirst().orElseThrow();
            MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
            assertEquals(Set.of(pid), Set.of(information.getPids()));
            ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
            Set<String> ids = Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                    .map(attribute -> attribute.getID()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(Set.of(expectedIds.split(" "))), ids);
        } finally {
            tracker.close();
        }
    }
}
