import Link from "next/link";
import { Notice } from "@/components/notice";

export default function NotFound() {
  return (
    <Notice tone="warning" title="Not found">
      <p>
        There is nothing at this address.{" "}
        <Link href="/" className="underline">
          Back to the overview
        </Link>
        .
      </p>
    </Notice>
  );
}
