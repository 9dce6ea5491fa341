package alerts

import "github.com/slack-go/slack"

var api = slack.New("xoxb-147644076620-1323678159449-1um03D4EZzOhGZuX60I0DdbY") // want secrets/api-token

// Post sends an alert to #ops.
func Post(text string) error {
	_, _, err := api.PostMessage("C0123ABCDEF", slack.MsgOptionText(text, false))
	return err
}
