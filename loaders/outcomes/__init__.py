"""What followed ratification and the calls to ratify: UNODC's trafficking data (GLOTIP), the
Universal Periodic Review's recommendations (OHCHR's Universal Human Rights Index), a population
series for rates, and the OAS General Assembly's resolutions. Read beside the depositary's status,
never instead of it."""
