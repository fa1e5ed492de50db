package runtime

// Contract stub for the event-loop owner: replace with loop.go.

// Loop is an asyncio event loop.
type Loop struct{}
