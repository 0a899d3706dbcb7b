/** The four services of the target app, as their telemetry names them (AppRoleName). */
export const SERVICES = ["frontend", "product_service", "order_service", "customer_service"] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface DependencyProfile {
  dependencyType: string;
  target: string;
  name: string;
  callsPerRequest: number;
  failureRate: number;
  p50Ms: number;
  p95Ms: number;
}

export interface ExceptionProfile {
  type: string;
  method: string;
  message: string;
}

export interface ServiceProfile {
  requestsPerMinute: number;
  requestNames: string[];
  failureRate: number;
  p50Ms: number;
  p95Ms: number;
  /** Raised for failed requests, picked deterministically. */
  failureExceptions: ExceptionProfile[];
  /** Handled exceptions that happen even when all is well, per minute. */
  backgroundExceptionsPerMinute: number;
  dependencies: DependencyProfile[];
  availabilityTest: string;
  availabilityFailureRate: number;
}

const RABBITMQ = "rabbitmq.shop.svc.cluster.local:5672";
const BLOB = "shopimages.blob.core.windows.net";

/** The handled exception every service logs now and then, healthy or not. */
export const BACKGROUND_EXCEPTION: ExceptionProfile = {
  type: "werkzeug.exceptions.NotFound",
  method: "dispatch_request",
  message: "404 Not Found: The requested URL was not found on the server.",
};

const healthy: Record<ServiceName, ServiceProfile> = {
  frontend: {
    requestsPerMinute: 120,
    requestNames: ["GET /", "GET /products", "GET /cart", "POST /checkout"],
    failureRate: 0.006,
    p50Ms: 75,
    p95Ms: 190,
    failureExceptions: [
      {
        type: "requests.exceptions.HTTPError",
        method: "call_backend",
        message: "502 Server Error: Bad Gateway",
      },
    ],
    backgroundExceptionsPerMinute: 0.1,
    dependencies: [
      {
        dependencyType: "HTTP",
        target: "product-service:5000",
        name: "GET /products",
        callsPerRequest: 0.6,
        failureRate: 0.004,
        p50Ms: 40,
        p95Ms: 120,
      },
      {
        dependencyType: "HTTP",
        target: "order-service:5000",
        name: "POST /orders",
        callsPerRequest: 0.2,
        failureRate: 0.008,
        p50Ms: 80,
        p95Ms: 240,
      },
      {
        dependencyType: "HTTP",
        target: "customer-service:5000",
        name: "GET /customers/me",
        callsPerRequest: 0.3,
        failureRate: 0.005,
        p50Ms: 45,
        p95Ms: 140,
      },
    ],
    availabilityTest: "frontend-home",
    availabilityFailureRate: 0,
  },
  product_service: {
    requestsPerMinute: 80,
    requestNames: ["GET /products", "GET /products/<id>", "GET /products/<id>/image"],
    failureRate: 0.005,
    p50Ms: 40,
    p95Ms: 130,
    failureExceptions: [
      {
        type: "azure.core.exceptions.ServiceRequestError",
        method: "download_blob",
        message: "Connection aborted while reading product image",
      },
    ],
    backgroundExceptionsPerMinute: 0.2,
    dependencies: [
      {
        dependencyType: "Azure blob",
        target: BLOB,
        name: "GET product-images",
        callsPerRequest: 0.4,
        failureRate: 0.003,
        p50Ms: 25,
        p95Ms: 90,
      },
    ],
    availabilityTest: "product_service-health",
    availabilityFailureRate: 0,
  },
  order_service: {
    requestsPerMinute: 36,
    requestNames: ["POST /orders", "GET /orders/<id>", "GET /orders"],
    failureRate: 0.01,
    p50Ms: 90,
    p95Ms: 260,
    failureExceptions: [
      { type: "ValueError", method: "validate_order", message: "quantity must be positive" },
    ],
    backgroundExceptionsPerMinute: 0.1,
    dependencies: [
      {
        dependencyType: "RabbitMQ",
        target: RABBITMQ,
        name: "publish order.created",
        callsPerRequest: 0.5,
        failureRate: 0.002,
        p50Ms: 6,
        p95Ms: 20,
      },
      {
        dependencyType: "HTTP",
        target: "product-service:5000",
        name: "GET /products/<id>",
        callsPerRequest: 1,
        failureRate: 0.004,
        p50Ms: 40,
        p95Ms: 120,
      },
    ],
    availabilityTest: "order_service-health",
    availabilityFailureRate: 0,
  },
  customer_service: {
    requestsPerMinute: 30,
    requestNames: ["GET /customers/me", "PUT /customers/me", "POST /customers"],
    failureRate: 0.007,
    p50Ms: 50,
    p95Ms: 150,
    failureExceptions: [{ type: "KeyError", method: "load_customer", message: "'customer_id'" }],
    backgroundExceptionsPerMinute: 0.05,
    dependencies: [
      {
        dependencyType: "RabbitMQ",
        target: RABBITMQ,
        name: "consume order.created",
        callsPerRequest: 0.5,
        failureRate: 0.002,
        p50Ms: 5,
        p95Ms: 18,
      },
    ],
    availabilityTest: "customer_service-health",
    availabilityFailureRate: 0,
  },
};

/**
 * What a bad release looks like: order_service loses its RabbitMQ connection (failures well over 5 %,
 * slow p95, AMQP exceptions, failing availability test) and the frontend's checkout suffers with it.
 */
const degraded: Record<ServiceName, ServiceProfile> = {
  ...healthy,
  order_service: {
    ...healthy.order_service,
    failureRate: 0.11,
    p50Ms: 380,
    p95Ms: 1900,
    failureExceptions: [
      {
        type: "pika.exceptions.AMQPConnectionError",
        method: "publish_order",
        message: "Connection to rabbitmq.shop.svc.cluster.local:5672 failed: timeout",
      },
      {
        type: "pika.exceptions.StreamLostError",
        method: "publish_order",
        message: "Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')",
      },
      { type: "TimeoutError", method: "reserve_stock", message: "timed out waiting for product_service" },
    ],
    dependencies: [
      { ...healthy.order_service.dependencies[0]!, failureRate: 0.22, p50Ms: 900, p95Ms: 5000 },
      healthy.order_service.dependencies[1]!,
    ],
    availabilityFailureRate: 0.25,
  },
  frontend: {
    ...healthy.frontend,
    failureRate: 0.03,
    p50Ms: 110,
    p95Ms: 420,
    dependencies: healthy.frontend.dependencies.map((d) =>
      d.target.startsWith("order-service") ? { ...d, failureRate: 0.11, p50Ms: 380, p95Ms: 1900 } : d,
    ),
  },
};

export function serviceProfile(service: ServiceName, isDegraded: boolean): ServiceProfile {
  return (isDegraded ? degraded : healthy)[service];
}

/** Staging only sees QA traffic. */
export const ENVIRONMENT_TRAFFIC = { staging: 0.25, production: 1 } as const;

export const AVAILABILITY_LOCATIONS = ["West Europe", "North Europe", "East US"] as const;
export const AVAILABILITY_EVERY_MINUTES = 5;
