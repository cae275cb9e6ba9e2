package gov.etax.identity.command.simulator;

/** Marks a stand-in for an external service. Only the dev profile may have one (see ProdGuard). */
public interface DevelopmentSimulator {
}
