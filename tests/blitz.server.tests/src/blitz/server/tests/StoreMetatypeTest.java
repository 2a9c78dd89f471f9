// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

import blitz.testing.Osgi;

/** The metatype of each store describes exactly the properties its component reads. */
class StoreMetatypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "blitz.server.embedded;dataFolder fsync fsyncIntervalMs queueCapacity maxBatch bufferLimit",
            "blitz.server.redis;uri clusterNodes keyPrefix rigName waitReplicas waitTimeoutMs topologyRefreshMs user .password caFile"
                    + " connectTimeoutMs commandTimeoutMs dataFolder bufferLimit queueCapacity maxBatch valuesPerPush retryIntervalMs" })
    void shouldDescribeEveryConfigurationProperty(String pid, String expectedIds) {
        MetaTypeService metatype = Osgi.await(MetaTypeService.class);
        Bundle bundle = Arrays.stream(Osgi.context().getBundles())
                .filter(candidate -> candidate.getSymbolicName().equals(pid)).findFirst().orElseThrow();
        MetaTypeInformation information = metatype.getMetaTypeInformation(bundle);
        assertEquals(Set.of(pid), Set.of(information.getPids()));
        ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
        Set<String> ids = Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .map(attribute -> attribute.getID()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(expectedIds.split(" "))), ids);
    }
}
