"""A teach-back session through the official Python MCP client (PyPI `mcp`), against
`teachback mcp` over stdio. Prints one JSON object with what it saw; exits non-zero on any
protocol or schema failure. Run by EndToEndTests/MCPClientTests.swift.

usage: python teach_session.py TEACHBACK_BINARY [extra teachback flags...]
"""
import asyncio
import json
import os
import sys

import jsonschema
from mcp import ClientSession, StdioServerParameters, stdio_client

EXPLANATIONS = [
    "Recursion is when a function calls itself on a smaller input.",
    "The base case stops the recursion, so it does not go on forever.",
    "Each call gets its own stack frame until the base case returns.",
]


def structured(result, schema):
    """A tool result's structured content, checked against the tool's declared output schema."""
    if result.is_error:
        raise SystemExit(f"tool error: {result.content}")
    content = result.structured_content
    jsonschema.validate(content, schema)
    return content


async def main(binary, flags):
    params = StdioServerParameters(command=binary, args=["mcp", *flags], env=dict(os.environ))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            tools = {tool.name: tool for tool in (await session.list_tools()).tools}
            schema = lambda name: tools[name].output_schema
            created = structured(await session.call_tool(
                "create_teaching_session", {"user_id": "e2e", "topic": "recursion", "mode": "anxious"}),
                schema("create_teaching_session"))
            sid = created["session_id"]
            turns = []
            for text in EXPLANATIONS:
                turns.append(structured(await session.call_tool("teach", {"session_id": sid, "explanation": text}),
                                        schema("teach")))
            summary = structured(await session.call_tool("get_session_summary", {"session_id": sid}),
                                 schema("get_session_summary"))
            bad = await session.call_tool("teach", {"session_id": sid})
            resource = await session.read_resource(f"teachback://sessions/{sid}")
            print(json.dumps({
                "server": init.server_info.name,
                "tools": sorted(tools),
                "session_id": sid,
                "greeting": created["greeting"],
                "turns": turns,
                "summary": summary,
                "bad_call": {"is_error": bad.is_error, "text": bad.content[0].text},
                "resource": resource.contents[0].text,
            }))


asyncio.run(main(sys.argv[1], sys.argv[2:]))
