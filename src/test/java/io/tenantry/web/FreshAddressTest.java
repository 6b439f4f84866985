package io.tenantry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where a page whose view state no page holds is opened afresh: its own path on this host, with its
 * own parameters and none of Faces'.
 */
class FreshAddressTest {

    @Test
    void keepsThePagesOwnParametersAndDropsFaces() {
        assertEquals("/signin.xhtml?next=%2Fprofile.xhtml", RefusalPages.freshAddress("/signin.xhtml",
                "next=%2Fprofile.xhtml&jakarta.faces.ViewState=zzz&primefaces.nonce=n"));
    }

    @Test
    void dropsFacesParametersNamedInPercentEscapes() {
        // Kept, the fresh address would carry the view state again and redirect for ever.
        assertEquals("/signin.xhtml?next=%2F", RefusalPages.freshAddress("/signin.xhtml",
                "jakarta%2Efaces.ViewState=zzz&next=%2F&primefaces%2enonce=n"));
    }

    @Test
    void aPathABrowserReadsAsAnotherHostOpensThisHostsStart() {
        assertEquals("/", RefusalPages.freshAddress("//evil.example/../signin.xhtml", null));
        assertEquals("/", RefusalPages.freshAddress("/\\evil.example/../signin.xhtml", ""));
    }

    @Test
    void aMalformedEscapeIsDroppedNotAFailure() {
        assertEquals("/signin.xhtml?next=%2F", RefusalPages.freshAddress("/signin.xhtml", "%zz=1&next=%2F"));
    }
}
